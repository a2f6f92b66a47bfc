package org.practicepulse.ingest;

/** Where a format puts what it read. Counts and line numbers are kept by the sink. */
public interface ImportSink {

    /** A post with its lifetime counters as of the export date. */
    void post(PostRow row);

    /** One day of one account (followers, profile visits, page-level reach …). */
    void accountDay(AccountDayRow row);

    /** One day of web traffic from one source. */
    void traffic(TrafficRow row);

    /** One review from a review site, with the practice's reply if the export has it. */
    void review(ReviewRow row);

    /** A row that carried data but could not be read; the rest of the file goes on. */
    void reject(long line, String reason);

    /** A row that carries no data (a totals row, a description row); counted, never an error. */
    void skip(long line, String reason);

    /** Something the user should know about the file or a row that was still imported. */
    void warn(Long line, String message);
}
