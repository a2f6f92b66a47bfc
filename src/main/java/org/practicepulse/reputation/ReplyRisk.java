package org.practicepulse.reputation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How likely a reply is to disclose protected health information; declared from least to most. */
public enum ReplyRisk {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReplyRisk of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
