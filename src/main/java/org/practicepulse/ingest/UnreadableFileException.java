package org.practicepulse.ingest;

/** The file as a whole cannot be imported; the run is FAILED with this message and nothing is written. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
