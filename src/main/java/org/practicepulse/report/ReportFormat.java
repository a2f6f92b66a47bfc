package org.practicepulse.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats of a report. */
public enum ReportFormat {

    CSV("csv"), XLSX("xlsx"), PDF("pdf");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ReportFormat> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ReportFormat::id).toList());
    }
}
