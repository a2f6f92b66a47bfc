package org.practicepulse.risk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.practicepulse.db.CopyRows;

/**
 * Scores the posts of an import on a second thread while PostgreSQL merges and rolls them up.
 * Reading a file keeps both cores busy (Java parses, PostgreSQL stores the COPY); the merge and the
 * rollups that follow are one PostgreSQL backend while Java waits, and the scorer takes that idle
 * core. While reading, the importer writes each staged row's text to a temporary file, so memory
 * stays bounded whatever the file's size; {@link #start} begins scoring them when the reading ends.
 * Both temporary files lose their name as soon as they are open (the process holds them, the
 * folder does not), so not even a killed process leaves one behind.
 * The scores with findings go to a second temporary file, in COPY's CSV form; {@link #finish} waits
 * for the scorer and COPYs them, on the importer's connection, into a temporary table keyed by the
 * post's platform and id ({@link #STAGE}), which {@link PostRiskScoring#storeBackgroundScores}
 * turns into post_risk rows.
 */
public final class BackgroundScoring implements AutoCloseable {

    /** Temporary table of the scores with findings, by the post's platform and id. */
    static final String STAGE = "post_risk_read_stage";

    private final Connection connection;
    private final RiskScorer scorer;
    private final ObjectMapper json;
    private final FileChannel texts;
    private final FileChannel scores;
    private final DataOutputStream out;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread worker;
    private long submitted;

    /** Creates the staging table on the importer's connection and the two temporary files. */
    public BackgroundScoring(Connection connection, RiskScorer scorer, ObjectMapper json) throws SQLException {
        this.connection = connection;
        this.scorer = scorer;
        this.json = json;
        CopyRows.createStagingTable(connection, STAGE, "platform text not null, external_id text not null, "
                + PostRiskScoring.STAGE_SCORES);
        try {
            texts = unnamedFile("pulse-risk-texts-");
            scores = unnamedFile("pulse-risk-scores-");
            out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(texts), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary files of risk scoring", e);
        }
    }

    /** Keeps one staged row's text for scoring. A post must come once per import: its score is stored by platform and id. */
    public void submit(String platform, String externalId, String text) {
        try {
            write(platform);
            write(externalId);
            write(text);
            submitted++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the texts to score", e);
        }
    }

    /** The reading has ended: score the texts on another thread from now on. */
    public void start() {
        if (worker != null) {
            return;
        }
        try {
            out.flush(); // not close: that would close the channel the scorer reads
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the texts to score", e);
        }
        worker = new Thread(this::work, "risk-scoring");
        worker.setDaemon(true);
        worker.start();
    }

    /** Waits for the scorer and COPYs the scores with findings into {@link #STAGE}. Returns the number of rows scored. */
    public long finish() throws SQLException {
        start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the risk scores", e);
        }
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("risk scoring failed: " + e.getMessage(), e);
        }
        try {
            scores.position(0);
            Reader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(scores), StandardCharsets.UTF_8), 1 << 16);
            CopyRows.copyIn(connection, STAGE, in);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the risk scores back", ex);
        }
        return submitted;
    }

    /** Stops the scorer, if it runs, and deletes the temporary files (the import finished or failed). */
    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            texts.close();
            scores.close();
        } catch (IOException e) {
            // nothing is left to keep: the files have no name
        }
    }

    /** A new temporary file, open for reading and writing, whose name is removed at once. */
    private static FileChannel unnamedFile(String prefix) throws IOException {
        Path path = Files.createTempFile(prefix, ".tmp");
        try {
            return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } finally {
            Files.delete(path);
        }
    }

    private void work() {
        try {
            texts.position(0);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(texts), 1 << 16));
            Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(scores), StandardCharsets.UTF_8), 1 << 16);
            CopyRows rows = CopyRows.toWriter(w);
            for (long i = 0; i < submitted; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                String platform = read(in);
                String externalId = read(in);
                RiskAssessment risk = scorer.score(read(in), platform);
                if (!risk.findings().isEmpty()) {
                    PostRiskScoring.stageScore(rows.text(platform).text(externalId), risk, PostRiskScoring.findingsJson(risk, json));
                }
            }
            rows.send();
            w.flush(); // the streams stay open: closing them would close the channels (close() does)
        } catch (Throwable e) {
            // e.g. a StackOverflowError of a backtracking pattern: the import fails rather than lose scores
            failure.set(e);
        }
    }

    private void write(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
