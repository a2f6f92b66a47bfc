package org.practicepulse.risk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.practicepulse.db.CopyRows;

/**
 * Scores the posts of an import on a second thread while the importer reads the file and merges
 * it. Reading keeps one core busy in Java and PostgreSQL's COPY takes part of the other; the merge
 * and rollups that follow are one PostgreSQL backend, and Java waits: the scoring thread uses what
 * is left of the two cores all along. The importer hands each staged row's text over here; the
 * texts waiting to be scored are bounded in characters (a reader far ahead of the scorer waits), so
 * memory stays bounded. The scores of rows with findings come back and are COPYed, on the
 * importer's connection and thread, into a temporary table keyed by the post's platform and id
 * ({@link #STAGE}); {@link PostRiskScoring#storeScoredWhileReading} turns them into post_risk rows.
 */
public final class ScoringWhileReading implements AutoCloseable {

    /** Temporary table of the scores of staged rows with findings, by the post's platform and id. */
    static final String STAGE = "post_risk_read_stage";
    private static final int BATCH = 256;
    /** Characters of text waiting to be scored, at most: a 32nd of the heap, between 1M and 32M. */
    static final int QUEUED_CHARS = (int) Math.max(1 << 20, Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 32));
    private static final Batch END = new Batch(List.of(), 0);

    private record Item(String platform, String externalId, String text) {
    }

    private record Batch(List<Item> items, int chars) {
    }

    /** A score with findings; the text is not kept (waiting scores are outside the text budget). */
    private record Scored(String platform, String externalId, RiskAssessment risk, String findingsJson) {
    }

    private final RiskScorer scorer;
    private final ObjectMapper json;
    private final CopyRows stage;
    private final BlockingQueue<Batch> input = new LinkedBlockingQueue<>();
    private final Semaphore queuedChars = new Semaphore(QUEUED_CHARS);
    private final ConcurrentLinkedQueue<List<Scored>> results = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread worker;
    private List<Item> batch = new ArrayList<>(BATCH);
    private int batchChars;
    private long submitted;

    /** Creates the staging table on the importer's connection and starts the scoring thread. */
    public ScoringWhileReading(Connection connection, RiskScorer scorer, ObjectMapper json) throws SQLException {
        this.scorer = scorer;
        this.json = json;
        CopyRows.createStagingTable(connection, STAGE, "platform text not null, external_id text not null, "
                + PostRiskScoring.STAGE_SCORES);
        this.stage = new CopyRows(connection, STAGE);
        this.worker = new Thread(this::work, "risk-scoring-while-reading");
        worker.setDaemon(true);
        worker.start();
    }

    public String rulesVersion() {
        return scorer.version();
    }

    /**
     * Queues one staged row's text (waits while too much text is waiting). A post must come once
     * per import: its score is stored by platform and id.
     */
    public void submit(String platform, String externalId, String text) throws SQLException {
        batch.add(new Item(platform, externalId, text));
        batchChars += Math.min(text.length(), QUEUED_CHARS / 2);
        submitted++;
        if (batch.size() == BATCH) {
            put(new Batch(batch, Math.min(batchChars, QUEUED_CHARS)));
            batch = new ArrayList<>(BATCH);
            batchChars = 0;
        }
    }

    /** Scores with findings computed and not yet staged: the importer stages them ({@link #drain}) now and then. */
    public int scoresWaiting() {
        return waiting.get();
    }

    /**
     * COPYs the scores ready so far into the staging table and ends that COPY. The connection must be
     * free: the importer ends its own COPY first.
     */
    public void drain() throws SQLException {
        rethrow();
        List<Scored> ready;
        while ((ready = results.poll()) != null) {
            waiting.addAndGet(-ready.size());
            for (Scored s : ready) {
                PostRiskScoring.stageScore(stage.text(s.platform()).text(s.externalId()), s.risk(), s.findingsJson());
            }
        }
        stage.send();
    }

    /**
     * Scores what is still queued (on this thread too, so both cores finish the work), waits for the
     * scoring thread and stages every remaining score. Returns the number of rows scored.
     */
    public long finish() throws SQLException {
        if (!batch.isEmpty()) {
            put(new Batch(batch, Math.min(batchChars, QUEUED_CHARS)));
            batch = new ArrayList<>(0);
        }
        input.add(END);
        Batch queued;
        while ((queued = input.poll()) != null) {
            if (queued == END) {
                input.add(END); // leave the end mark for the scoring thread
                break;
            }
            List<Scored> risky = score(queued);
            results.add(risky);
            waiting.addAndGet(risky.size());
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the risk scores", e);
        }
        rethrow();
        drain();
        return submitted;
    }

    /** Stops the scoring thread (an import that failed or finished) and abandons an unfinished COPY. */
    @Override
    public void close() {
        worker.interrupt();
        stage.cancel();
    }

    private void work() {
        try {
            while (true) {
                Batch queued = input.take();
                if (queued == END) {
                    return;
                }
                List<Scored> risky = score(queued);
                results.add(risky);
                waiting.addAndGet(risky.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // e.g. a StackOverflowError of a backtracking pattern: the import must fail, not lose scores
            failure.set(e);
        }
    }

    private List<Scored> score(Batch queued) {
        List<Scored> risky = new ArrayList<>();
        try {
            for (Item item : queued.items()) {
                RiskAssessment risk = scorer.score(item.text(), item.platform());
                if (!risk.findings().isEmpty()) {
                    risky.add(new Scored(item.platform(), item.externalId(), risk, PostRiskScoring.findingsJson(risk, json)));
                }
            }
        } finally {
            queuedChars.release(queued.chars());
        }
        return risky;
    }

    private void put(Batch queued) {
        try {
            while (!queuedChars.tryAcquire(queued.chars(), 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the risk scoring thread has stopped");
                }
            }
            input.add(queued);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing posts for risk scoring", e);
        }
    }

    private void rethrow() {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("risk scoring failed: " + e.getMessage(), e);
        }
    }
}
