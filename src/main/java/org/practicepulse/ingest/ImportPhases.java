package org.practicepulse.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock milliseconds of each phase of one import, in the order the phases ran. */
final class ImportPhases {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long phaseStarted = System.nanoTime();

    /** Ends the current phase under this name and starts the next one. */
    void done(String phase) {
        long now = System.nanoTime();
        millis.put(phase, (now - phaseStarted) / 1_000_000);
        phaseStarted = now;
    }

    Map<String, Long> millis() {
        return millis;
    }
}
