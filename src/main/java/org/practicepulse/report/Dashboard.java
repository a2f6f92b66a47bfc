package org.practicepulse.report;

import java.util.Arrays;
import java.util.Optional;

/** The dashboards a report can be made of; the id is the path segment of /api/reports/{dashboard}. */
public enum Dashboard {

    WEEKLY_ENGAGEMENT("weekly-engagement", "Weekly engagement"),
    LEADERSHIP("leadership", "Leadership summary");

    private final String id;
    private final String title;

    Dashboard(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<Dashboard> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Dashboard::id).toList());
    }
}
