package org.practicepulse.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to import one file. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id", nullable = false)
    public Long practiceId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** INBOX or UPLOAD. */
    @Column(nullable = false)
    public String source;

    /** Where the original bytes are kept (the inbox file itself, or the upload copy). */
    @Column(name = "stored_path")
    public String storedPath;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The id of the detected export format. */
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;
    @Column(name = "rows_imported", nullable = false)
    public int rowsImported;
    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;
    @Column(name = "rows_skipped", nullable = false)
    public int rowsSkipped;

    /** Why a file failed or was skipped. */
    public String message;

    /** Milliseconds per phase of a finished import (read, merge, rollups, risk, reviews), in that order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phase_millis")
    public Map<String, Long> phaseMillis;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<ImportRun> newestFirst(List<Long> practiceIds, int limit) {
        return find("practiceId in ?1 order by startedAt desc, id desc", practiceIds).page(0, limit).list();
    }
}
