package org.practicepulse.report;

import java.util.List;

import org.practicepulse.analytics.MetricsQuery;
import org.practicepulse.analytics.MetricsService;
import org.practicepulse.analytics.PostsQuery;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
import org.practicepulse.reputation.ReviewsQuery;

/**
 * What section providers need: the practice, dashboard and period, and the analytics answers of
 * the API (summary, weekly, top posts, best times), each computed once per report by the services
 * behind /api/metrics and /api/posts, so a report shows exactly the API's numbers.
 */
public final class ReportContext {

    /** Top posts as /api/posts answers them by default: best engagement rate first, ten posts. */
    public static final PostsQuery.Sort TOP_POSTS_SORT = PostsQuery.Sort.engagementRate;
    public static final int TOP_POSTS_LIMIT = 10;
    /** Risky posts as the leadership dashboard's risk-overview panel asks /api/posts: sort=risk, a score above 0. */
    public static final int MIN_RISK = 1;

    private final Practice practice;
    private final Dashboard dashboard;
    private final ReportingPeriod period;
    private final MetricsService metrics;
    private final PostsQuery posts;
    private final ReviewsQuery reviews;
    private MetricsService.Summary summary;
    private ReviewsQuery.Summary reputation;
    private List<PostsQuery.PostView> riskyPosts;
    private MetricsService.Weekly weekly;
    private List<PostsQuery.PostView> topPosts;
    private List<PostsQuery.TimeCell> bestTimes;

    ReportContext(Practice practice, Dashboard dashboard, ReportingPeriod period, MetricsService metrics, PostsQuery posts,
            ReviewsQuery reviews) {
        this.practice = practice;
        this.dashboard = dashboard;
        this.period = period;
        this.metrics = metrics;
        this.posts = posts;
        this.reviews = reviews;
    }

    public Practice practice() {
        return practice;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public ReportingPeriod period() {
        return period;
    }

    /** The whole practice, every platform and account: what the API answers without filters. */
    public MetricsQuery.Scope scope() {
        return new MetricsQuery.Scope(practice.id, practice.zone(), null, null);
    }

    /** The same as GET /api/metrics/summary?practice=&from=&to=. */
    public MetricsService.Summary summary() {
        if (summary == null) {
            summary = metrics.summary(practice.slug, scope(), period, null, false);
        }
        return summary;
    }

    /** The summary of one account, as GET /api/metrics/summary?account= answers it. */
    public MetricsService.Summary accountSummary(long accountId, String handle) {
        return metrics.summary(practice.slug, new MetricsQuery.Scope(practice.id, practice.zone(), null, List.of(accountId)),
                period, handle, false);
    }

    /** The same as GET /api/metrics/weekly?practice=&from=&to=. */
    public MetricsService.Weekly weekly() {
        if (weekly == null) {
            weekly = metrics.weekly(practice.slug, scope(), period, null);
        }
        return weekly;
    }

    /** The same as GET /api/posts?practice=&from=&to= (default sort and limit). */
    public List<PostsQuery.PostView> topPosts() {
        if (topPosts == null) {
            topPosts = posts.top(scope(), period, TOP_POSTS_SORT, TOP_POSTS_LIMIT);
        }
        return topPosts;
    }

    /** The same as GET /api/metrics/best-times?practice=&from=&to=. */
    public List<PostsQuery.TimeCell> bestTimes() {
        if (bestTimes == null) {
            bestTimes = posts.bestTimes(scope(), period);
        }
        return bestTimes;
    }

    /** The same as GET /api/reputation/summary?practice=&from=&to=. */
    public ReviewsQuery.Summary reputation() {
        if (reputation == null) {
            reputation = reviews.summary(practice.id, period);
        }
        return reputation;
    }

    /**
     * Every post of the period with a risk score of at least {@link #MIN_RISK}, highest first: what
     * GET /api/posts?sort=risk&minRisk=1 answers, without the API's 500-post page limit, so that the
     * counts by category are complete. One query per report, shared by the risk sections.
     */
    public List<PostsQuery.PostView> riskyPosts() {
        if (riskyPosts == null) {
            riskyPosts = posts.top(scope(), period, PostsQuery.Sort.risk, Integer.MAX_VALUE, MIN_RISK, null);
        }
        return riskyPosts;
    }

    /** Nothing was published and no social visit recorded in the period: what "skip empty periods" skips. */
    public boolean isEmpty() {
        var figures = summary().figures();
        return figures.posts() == 0 && (figures.sessions() == null || figures.sessions() == 0);
    }
}
