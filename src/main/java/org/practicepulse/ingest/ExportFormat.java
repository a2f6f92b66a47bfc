package org.practicepulse.ingest;

import java.io.IOException;

/**
 * One export format of one platform. Adding a format means adding one implementation (an
 * {@code @ApplicationScoped} bean), one sample in import-samples/ and one test; nothing else.
 */
public interface ExportFormat {

    /** Stable id stored with each import run, e.g. {@code x-tweet-activity}. */
    String id();

    /** True when the file's content (its first lines) is this format. Must not depend on the file name. */
    boolean detect(ExportFile file);

    /**
     * Reads every row into the sink. A row that cannot be read is passed to {@link ImportSink#reject}
     * and reading goes on; a file that cannot be read at all throws {@link UnreadableFileException}.
     */
    void read(ExportFile file, ImportSink sink) throws IOException;
}
