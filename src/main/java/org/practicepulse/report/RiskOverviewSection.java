package org.practicepulse.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.practicepulse.analytics.PostsQuery;
import org.practicepulse.risk.RiskCategory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The leadership dashboard's risk overview: how many of the period's posts have a finding of each
 * category (what GET /api/posts?sort=risk&minRisk=1&category= lists), and the riskiest posts
 * (GET /api/posts?sort=risk&minRisk=1&limit=10) with score, level, categories and the flagged
 * excerpts. Both tables come from one call of the posts service.
 */
@ApplicationScoped
public class RiskOverviewSection implements SectionProvider {

    public static final String CATEGORIES_TITLE = "Risky posts by category";
    public static final String POSTS_TITLE = "Riskiest posts";
    /** As the dashboard's risk panel (dashboards/leadership.json, "limit": 10). */
    public static final int LIMIT = 10;
    public static final String ANY_CATEGORY = "Any category";

    @Override
    public int order() {
        return 35;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return dashboard == Dashboard.LEADERSHIP;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        List<PostsQuery.PostView> risky = context.riskyPosts();
        Map<String, long[]> byCategory = new LinkedHashMap<>(); // posts, highest score
        RiskCategory.ALL.forEach(c -> byCategory.put(c, new long[2]));
        for (PostsQuery.PostView post : risky) {
            for (String category : new LinkedHashSet<>(post.risk().categories())) {
                long[] figures = byCategory.computeIfAbsent(category, c -> new long[2]);
                figures[0]++;
                figures[1] = Math.max(figures[1], post.risk().score());
            }
        }
        List<List<Cell>> categories = new ArrayList<>();
        byCategory.forEach((category, f) -> categories.add(List.of(Cell.text(category), Cell.integer(f[0]),
                f[0] == 0 ? Cell.integer((Long) null) : Cell.integer(f[1]))));
        categories.add(List.of(Cell.text(ANY_CATEGORY), Cell.integer(risky.size()),
                risky.isEmpty() ? Cell.integer((Long) null) : Cell.integer(risky.get(0).risk().score())));
        ReportSection counts = ReportSection.table(CATEGORIES_TITLE,
                List.of("Category", "Risky posts", "Highest score"), categories);

        List<List<Cell>> rows = new ArrayList<>();
        int rank = 0;
        for (PostsQuery.PostView post : risky.subList(0, Math.min(LIMIT, risky.size()))) {
            rows.add(List.of(Cell.integer(++rank),
                    Cell.dateTime(LocalDateTime.ofInstant(post.publishedAt(), context.practice().zone())),
                    Cell.text(post.platform()), Cell.text(post.account()), Cell.integer(post.risk().score()),
                    Cell.text(post.risk().level()), Cell.text(String.join(", ", new LinkedHashSet<>(post.risk().categories()))),
                    Cell.text(excerpts(post.risk().findings())), Cell.text(post.text())));
        }
        ReportSection posts = ReportSection.table(POSTS_TITLE, List.of("Rank", "Published (" + context.practice().timeZone + ")",
                "Platform", "Account", "Risk score", "Level", "Categories", "Flagged excerpts", "Post"), rows);
        return List.of(counts, posts);
    }

    /** Each finding's excerpt once, in the order found, with its category: "tone: quack" · "privacy: Mrs. Hale". */
    static String excerpts(JsonNode findings) {
        Set<String> parts = new LinkedHashSet<>();
        if (findings != null && findings.isArray()) {
            for (JsonNode finding : findings) {
                String excerpt = finding.path("excerpt").asText("");
                if (!excerpt.isEmpty()) {
                    parts.add(finding.path("category").asText("") + ": \u201c" + excerpt + "\u201d");
                }
            }
        }
        return String.join(" · ", parts);
    }
}
