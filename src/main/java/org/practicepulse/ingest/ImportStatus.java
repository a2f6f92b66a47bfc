package org.practicepulse.ingest;

/** What became of a file. */
public enum ImportStatus {
    /** Being imported (never visible to others: it commits together with the data). */
    RUNNING,
    /** Every row imported (rows that carry no data, such as totals, are skipped, not rejected). */
    IMPORTED,
    /** Imported, but some rows were rejected; see the run's errors. */
    PARTIAL,
    /** Nothing was imported; the message says why. */
    FAILED,
    /** Uploaded again although the same bytes were already imported; nothing changed. */
    SKIPPED
}
