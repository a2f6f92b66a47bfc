package org.practicepulse.report;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.practicepulse.analytics.Metric;
import org.practicepulse.analytics.MetricsService;
import org.practicepulse.analytics.PostsQuery;
import org.practicepulse.analytics.ReportingPeriod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The plain-language e-mail that carries a scheduled report: what needs the owner's attention
 * first (new negative reviews, risky posts), then each engagement figure and its change in words
 * ("Impressions rose 12% to 4,150"), then the best post. Figures come from the report's own
 * summary (the API's). Every text that comes from data is escaped in the HTML part.
 */
@ApplicationScoped
public class ReportDigest {

    /** Changes smaller than this read as "held steady". */
    private static final double STEADY = 0.0005;
    private static final int POST_EXCERPT = 140;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    /** The mail's subject and its two bodies. */
    public record DigestMail(String subject, String text, String html) {
    }

    /** One paragraph: a heading and its lines. */
    private record Part(String heading, List<String> lines) {
    }

    @Inject
    Instance<AttentionSource> attention;

    public DigestMail compose(ReportContext context, String attachmentName) {
        ReportingPeriod period = context.period();
        String unit = unit(period);
        String subject = oneLine(context.practice().name) + ": " + context.dashboard().title().toLowerCase(Locale.ROOT)
                + ", " + FigureText.period(period);
        List<Part> parts = new ArrayList<>();

        List<AttentionSource> sources = new ArrayList<>();
        attention.forEach(sources::add);
        sources.sort(Comparator.comparingInt(AttentionSource::order));
        List<String> needs = new ArrayList<>();
        for (AttentionSource source : sources) {
            source.items(context.practice(), period).forEach(i -> needs.add(oneLine(i.headline())
                    + (i.detail() == null || i.detail().isBlank() ? "" : ": " + oneLine(i.detail()))));
        }
        if (!needs.isEmpty()) {
            parts.add(new Part("Needs your attention", needs));
        }

        parts.add(new Part("Engagement " + (unit.equals("period") ? "in this period" : "last " + unit), figures(context.summary(), unit)));

        List<PostsQuery.PostView> top = context.topPosts();
        if (!top.isEmpty()) {
            PostsQuery.PostView best = top.get(0);
            parts.add(new Part("Best post", List.of("“" + excerpt(best.text()) + "” on " + best.platform() + " by @"
                    + oneLine(best.account()) + ": " + FigureText.count(best.impressions()) + " impressions, "
                    + FigureText.percent(best.engagementRate().value()) + " engagement rate.")));
        }

        String intro = "Here is " + (unit.equals("period") ? "the period " + FigureText.period(period)
                : unit.equals("month") ? MONTH.format(period.from()) : "the week " + FigureText.period(period))
                + " for " + oneLine(context.practice().name) + ".";
        String closing = attachmentName == null ? null
                : "The full " + context.dashboard().title().toLowerCase(Locale.ROOT) + " report is attached (" + attachmentName + ").";
        return new DigestMail(subject, text(intro, parts, closing), html(subject, intro, parts, closing));
    }

    /** Each of the dashboard's figures in a sentence, in the dashboard's order; figures nobody reports are left out. */
    static List<String> figures(MetricsService.Summary summary, String unit) {
        Map<String, Double> now = summary.figures().values();
        Map<String, Double> before = summary.previous().figures().values();
        List<String> lines = new ArrayList<>();
        for (Metric metric : PeriodComparisonSection.DASHBOARD_TILES) {
            Double value = now.get(metric.key());
            if (value == null) {
                continue;
            }
            lines.add(sentence(metric, value, before.get(metric.key()), summary.change().get(metric.key()), unit));
        }
        return lines;
    }

    static String sentence(Metric metric, double now, Double before, Double change, String unit) {
        boolean ratio = metric.kind() == Metric.Kind.RATIO;
        String label = metric.label();
        String shown = ratio ? FigureText.percent(now) : FigureText.count(now);
        if (before == null) {
            return label + ": " + shown + " (not reported the " + unit + " before).";
        }
        String was = ratio ? FigureText.percent(before) : FigureText.count(before);
        if (change == null) {
            return label + ": " + shown + " (" + (before == 0 ? "none" : was) + " the " + unit + " before).";
        }
        if (Math.abs(change) < STEADY) {
            return label + " held steady at " + shown + ".";
        }
        String direction = change > 0 ? "rose" : "fell";
        return ratio ? label + " " + direction + " from " + was + " to " + shown + "."
                : label + " " + direction + " " + FigureText.changeSize(change) + " to " + shown + ".";
    }

    private static String unit(ReportingPeriod period) {
        if (period.days() == 7 && period.from().getDayOfWeek() == DayOfWeek.MONDAY) {
            return "week";
        }
        if (period.from().getDayOfMonth() == 1 && period.to().equals(period.from().plusMonths(1).minusDays(1))) {
            return "month";
        }
        return "period";
    }

    private static String text(String intro, List<Part> parts, String closing) {
        StringBuilder out = new StringBuilder(intro).append("\n");
        for (Part part : parts) {
            out.append("\n").append(part.heading()).append("\n");
            part.lines().forEach(line -> out.append("- ").append(line).append("\n"));
        }
        if (closing != null) {
            out.append("\n").append(closing).append("\n");
        }
        return out.toString();
    }

    private static String html(String title, String intro, List<Part> parts, String closing) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head>")
                .append("<body style=\"font-family: Arial, Helvetica, sans-serif; color: #222; line-height: 1.45\">")
                .append("<p>").append(escape(intro)).append("</p>");
        for (Part part : parts) {
            out.append("<h3 style=\"margin-bottom: 4px\">").append(escape(part.heading())).append("</h3><ul>");
            part.lines().forEach(line -> out.append("<li>").append(escape(line)).append("</li>"));
            out.append("</ul>");
        }
        if (closing != null) {
            out.append("<p>").append(escape(closing)).append("</p>");
        }
        return out.append("</body></html>").toString();
    }

    /** The five characters that matter in HTML text and attributes; the page is UTF-8, so nothing else needs escaping. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String excerpt(String text) {
        String line = oneLine(text);
        if (line.codePointCount(0, line.length()) <= POST_EXCERPT) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, POST_EXCERPT - 1)).stripTrailing() + "…";
    }

    /** Line breaks (and other control characters) never reach a subject or a list line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
