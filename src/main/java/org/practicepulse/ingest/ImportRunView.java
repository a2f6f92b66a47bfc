package org.practicepulse.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An import run as the API shows it. */
public record ImportRunView(long id, String practice, String file, String source, String format, ImportStatus status,
        int rowsRead, int rowsImported, int rowsRejected, int rowsSkipped, String message, List<Problem> errors,
        List<Problem> warnings, Instant startedAt, Instant finishedAt, Map<String, Long> phaseMillis) {

    /** A rejected row or a warning; line is null when it concerns the whole file. */
    public record Problem(Long line, String message) {
    }

    /** Views of these runs, with their problems, loaded in one query. */
    public static List<ImportRunView> of(List<ImportRun> runs, Map<Long, String> practiceSlugs) {
        List<ImportProblem> problems = ImportProblem.ofRuns(runs.stream().map(r -> r.id).toList());
        return runs.stream().map(run -> {
            List<ImportProblem> mine = problems.stream().filter(p -> p.runId.equals(run.id)).toList();
            return new ImportRunView(run.id, practiceSlugs.get(run.practiceId), run.fileName, run.source, run.format,
                    run.status, run.rowsRead, run.rowsImported, run.rowsRejected, run.rowsSkipped, run.message,
                    problemsOf(mine, ImportProblem.ERROR), problemsOf(mine, ImportProblem.WARNING), run.startedAt,
                    run.finishedAt, run.phaseMillis);
        }).toList();
    }

    private static List<Problem> problemsOf(List<ImportProblem> problems, String kind) {
        return problems.stream().filter(p -> p.kind.equals(kind)).map(p -> new Problem(p.line, p.message)).toList();
    }
}
