package org.practicepulse.ingest;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rejected row (ERROR) or a note about the file (WARNING). */
@Entity
@Table(name = "import_run_problem")
public class ImportProblem extends PanacheEntityBase {

    public static final String ERROR = "ERROR";
    public static final String WARNING = "WARNING";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(nullable = false)
    public String kind;

    /** 1-based line of the file where the row starts; null for the file as a whole. */
    public Long line;

    @Column(nullable = false)
    public String message;

    public static List<ImportProblem> ofRuns(List<Long> runIds) {
        return runIds.isEmpty() ? List.of() : list("runId in ?1 order by id", runIds);
    }
}
