package org.practicepulse.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.LEADERSHIP })
@Tag(name = "Metrics")
public class MetricsResource {

    @Inject
    ScopeResolver scopes;
    @Inject
    MetricsService metrics;
    @Inject
    PostsQuery posts;
    @Inject
    Platforms platforms;
    @Inject
    PracticeAccess access;
    @Inject
    ActivityQuery activity;
    @Inject
    jakarta.persistence.EntityManager em;

    public record Definition(String key, String label, String kind, String formula) {
    }

    public record Definitions(List<Definition> metrics, Map<String, String> engagementsByPlatform) {
    }

    @GET
    @Path("/summary")
    @Transactional
    @Operation(summary = "Every figure of the posts published in [from, to] (practice time zone), the preceding period of equal length, and the relative change; explain=true adds formulas and source files")
    public MetricsService.Summary summary(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("account") String account,
            @QueryParam("explain") boolean explain) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, account);
        return metrics.summary(r.practice().slug, r.scope(), r.period(), r.account(), explain);
    }

    @GET
    @Path("/weekly")
    @Transactional
    @Operation(summary = "The same figures per ISO week (Monday start, practice time zone), with a per-platform split")
    public MetricsService.Weekly weekly(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("account") String account) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, account);
        return metrics.weekly(r.practice().slug, r.scope(), r.period(), r.account());
    }

    @GET
    @Path("/activity")
    @Transactional
    @Operation(summary = "Activity in each week: what posts gained between the snapshots around the week (lifetime exports imported at least twice)")
    public List<ActivityQuery.Week> activity(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("account") String account) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, account);
        return activity.weekly(r.scope(), r.period());
    }

    @GET
    @Path("/accounts")
    @Transactional
    @Operation(summary = "The same figures per account (and its clinician) with data in the period")
    public List<MetricsService.AccountFigures> accounts(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, platform, handle, clinician from social_account
                where practice_id = ?1 and (cast(?2 as text) is null or platform = ?2) order by clinician nulls last, platform, handle
                """).setParameter(1, r.practice().id).setParameter(2, r.scope().platform()).getResultList();
        List<MetricsService.Account> accounts = rows.stream().map(row -> new MetricsService.Account(((Number) row[0]).longValue(),
                (String) row[1], (String) row[2], (String) row[3])).toList();
        return metrics.byAccount(r.scope(), r.period(), accounts);
    }

    @GET
    @Path("/best-times")
    @Transactional
    @Operation(summary = "Engagement rate by weekday (1 = Monday) and hour of publication, with post counts so thin cells show")
    public List<PostsQuery.TimeCell> bestTimes(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("account") String account) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, account);
        return posts.bestTimes(r.scope(), r.period());
    }

    @GET
    @Path("/platforms")
    @Transactional
    @Operation(summary = "The platforms a practice can filter by: the built-in ones and any its data names")
    public List<String> platforms(@QueryParam("practice") String practice) {
        return platforms.of(access.require(practice));
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "Every metric with its formula, and what each platform counts as an engagement")
    public Definitions definitions() {
        return new Definitions(Arrays.stream(Metric.values())
                .map(m -> new Definition(m.key(), m.label(), m.kind().name().toLowerCase(), m.formula())).toList(),
                Metric.ENGAGEMENTS_BY_PLATFORM);
    }
}
