package org.practicepulse.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.practicepulse.analytics.PostsQuery;

import jakarta.enterprise.context.ApplicationScoped;

/** The period's top posts, as /api/posts answers them: best engagement rate first. */
@ApplicationScoped
public class TopPostsSection implements SectionProvider {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return true;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 0;
        for (PostsQuery.PostView post : context.topPosts()) {
            rows.add(List.of(Cell.integer(++rank),
                    Cell.dateTime(LocalDateTime.ofInstant(post.publishedAt(), context.practice().zone())),
                    Cell.text(post.platform()), Cell.text(post.account()), Cell.text(post.text()),
                    Cell.integer(post.impressions()), Cell.integer(post.reach()), Cell.integer(post.engagements()),
                    Cell.percent(post.engagementRate().value()), Cell.integer(post.clicks()), Cell.integer(post.videoViews()),
                    Cell.text(post.permalink())));
        }
        List<String> columns = List.of("Rank", "Published (" + context.practice().timeZone + ")", "Platform", "Account", "Post",
                "Impressions", "Reach", "Engagements", "Engagement rate", "Link clicks", "Video views", "Link");
        return List.of(ReportSection.table("Top posts", columns, rows));
    }
}
