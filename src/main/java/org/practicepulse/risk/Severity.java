package org.practicepulse.risk;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How serious one finding is; LOW findings are notes and flag no category. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a rule file's spelling ("low", "medium", "high"), or null. */
    static Severity of(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
