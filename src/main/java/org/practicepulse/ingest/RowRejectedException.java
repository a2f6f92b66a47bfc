package org.practicepulse.ingest;

/** One row cannot be imported; thrown while reading a row and turned into an ERROR with its line. */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
