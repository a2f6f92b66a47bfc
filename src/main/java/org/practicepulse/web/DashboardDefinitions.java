package org.practicepulse.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.practicepulse.analytics.Metric;
import org.practicepulse.security.Role;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dashboards declared in {@code pulse.dashboards.dir} (*.json), loaded and validated at start-up:
 * a bad file stops the service with a message naming the file and the field. The UI renders any
 * valid definition, so a new panel needs no Java change.
 */
@Startup
@ApplicationScoped
public class DashboardDefinitions {

    /** Panel types the UI knows how to draw. */
    public static final Set<String> PANEL_TYPES = Set.of("kpis", "trend", "top-posts", "best-times", "comparison", "accounts",
            "risk-overview", "exports", "reputation-summary", "alerts", "reviews", "reply-check", "imports");
    public static final Set<String> SIZES = Set.of("full", "half", "third");
    public static final Set<String> CHARTS = Set.of("line", "bar", "stacked-bar");
    public static final Set<String> EXPORT_FORMATS = Set.of("csv", "xlsx", "pdf");
    private static final Logger LOG = Logger.getLogger(DashboardDefinitions.class);

    public record Panel(String id, String type, String title, String size, List<String> metrics, String metric, String chart,
            String line, String sort, Integer limit, Map<String, String> filter, List<String> filters, List<String> formats) {
    }

    /** A dashboard; lower order comes first in the navigation. */
    public record Dashboard(String id, Integer order, String title, String audience, List<String> roles, String description,
            List<Panel> panels) {
    }

    @ConfigProperty(name = "pulse.dashboards.dir", defaultValue = "dashboards")
    Path dir;

    private List<Dashboard> dashboards = List.of();

    @PostConstruct
    void load() {
        dashboards = loadFrom(dir);
        LOG.infof("%d dashboards loaded from %s", dashboards.size(), dir.toAbsolutePath().normalize());
    }

    public List<Dashboard> all() {
        return dashboards;
    }

    /** The dashboards one of whose roles the caller has. */
    public List<Dashboard> forRoles(Set<String> roles) {
        return dashboards.stream().filter(d -> d.roles().stream().anyMatch(roles::contains)).toList();
    }

    public static List<Dashboard> loadFrom(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("dashboards: the folder " + dir.toAbsolutePath() + " (pulse.dashboards.dir) does not exist");
        }
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Dashboard> loaded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Dashboard d;
                try {
                    d = json.readValue(file.toFile(), Dashboard.class);
                } catch (IOException e) {
                    throw new IllegalStateException("dashboard " + file.getFileName() + ": not valid JSON for a dashboard: "
                            + e.getMessage().lines().findFirst().orElse(""), e);
                }
                validate(file.getFileName().toString(), d);
                if (!ids.add(d.id())) {
                    throw new IllegalStateException("dashboard " + file.getFileName() + ": field 'id': '" + d.id() + "' is used twice");
                }
                loaded.add(d);
            }
        } catch (IOException e) {
            throw new IllegalStateException("dashboards: cannot list " + dir, e);
        }
        loaded.sort(java.util.Comparator.comparing((Dashboard d) -> d.order() == null ? 100 : d.order()).thenComparing(Dashboard::id));
        return List.copyOf(loaded);
    }

    static void validate(String file, Dashboard d) {
        require(file, "id", d.id() != null && d.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "a slug such as weekly-engagement");
        require(file, "title", d.title() != null && !d.title().isBlank(), "a title");
        require(file, "roles", d.roles() != null && !d.roles().isEmpty()
                && Set.of(Role.OWNER, Role.REPUTATION, Role.LEADERSHIP).containsAll(d.roles()), "owner, reputation and/or leadership");
        require(file, "panels", d.panels() != null && !d.panels().isEmpty(), "at least one panel");
        Set<String> metricKeys = new HashSet<>(Arrays.stream(Metric.values()).map(Metric::key).toList());
        Set<String> panelIds = new HashSet<>();
        for (int i = 0; i < d.panels().size(); i++) {
            Panel p = d.panels().get(i);
            String at = "panels[" + i + "]";
            require(file, at, p != null, "a panel object");
            require(file, at + ".id", p.id() != null && panelIds.add(p.id()), "a unique panel id");
            require(file, at + ".type", PANEL_TYPES.contains(p.type()), "one of " + new java.util.TreeSet<>(PANEL_TYPES));
            require(file, at + ".title", p.title() != null && !p.title().isBlank(), "a title");
            require(file, at + ".size", p.size() == null || SIZES.contains(p.size()), "one of " + SIZES);
            if (p.metrics() != null) {
                for (String m : p.metrics()) {
                    require(file, at + ".metrics", metricKeys.contains(m), "metric keys of GET /api/metrics/definitions, not '" + m + "'");
                }
            }
            require(file, at + ".metric", p.metric() == null || metricKeys.contains(p.metric()), "a metric key");
            require(file, at + ".line", p.line() == null || metricKeys.contains(p.line()), "a metric key");
            require(file, at + ".chart", p.chart() == null || CHARTS.contains(p.chart()), "one of " + CHARTS);
            require(file, at + ".limit", p.limit() == null || p.limit() > 0 && p.limit() <= 100, "1 to 100");
            require(file, at + ".formats", p.formats() == null || EXPORT_FORMATS.containsAll(p.formats()), "of " + EXPORT_FORMATS);
            if (p.type().equals("kpis") || p.type().equals("comparison")) {
                require(file, at + ".metrics", p.metrics() != null && !p.metrics().isEmpty(), "the metrics to show");
            }
            if (p.type().equals("trend")) {
                require(file, at + ".metric", p.metric() != null, "the metric to chart");
            }
        }
    }

    private static void require(String file, String field, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalStateException("dashboard " + file + ": field '" + field + "' must be " + expected);
        }
    }
}
