package org.practicepulse.report;

import java.util.ArrayList;
import java.util.List;

import org.practicepulse.analytics.MetricsQuery;
import org.practicepulse.analytics.PostsQuery;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Posts of the period whose professionalism risk is medium or high, riskiest first, in the digest
 * after negative reviews: the same posts and scores as GET /api/posts?sort=risk.
 */
@ApplicationScoped
public class RiskyPostsAttention implements AttentionSource {

    /** Listed one by one; the rest are counted. */
    static final int LISTED = 5;
    private static final int READ = 500;

    @Inject
    PostsQuery posts;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<AttentionItem> items(Practice practice, ReportingPeriod period) {
        List<PostsQuery.PostView> risky = posts.top(new MetricsQuery.Scope(practice.id, practice.zone(), null, null), period,
                PostsQuery.Sort.risk, READ, ReportContext.MIN_RISK, null).stream()
                .filter(p -> p.risk() != null && !"low".equals(p.risk().level())).toList();
        List<AttentionItem> items = new ArrayList<>();
        for (PostsQuery.PostView p : risky.subList(0, Math.min(LISTED, risky.size()))) {
            items.add(new AttentionItem(capitalised(p.risk().level()) + "-risk post on " + p.platform() + " by @" + p.account()
                    + " (score " + p.risk().score() + ": " + String.join(", ", p.risk().categories()).replace('_', ' ') + ")",
                    "“" + ReportDigest.excerpt(p.text()) + "”"));
        }
        if (risky.size() > LISTED) {
            items.add(new AttentionItem((risky.size() - LISTED) + " more risky posts", "see the risk overview of the Leadership report"));
        }
        return items;
    }

    private static String capitalised(String level) {
        return level.isEmpty() ? level : Character.toUpperCase(level.charAt(0)) + level.substring(1);
    }
}
