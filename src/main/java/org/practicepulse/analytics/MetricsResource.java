package org.practicepulse.analytics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
@RolesAllowed({ Role.OWNER, Role.LEADERSHIP, Role.REPUTATION })
@Tag(name = "Metrics")
public class MetricsResource {

    @Inject
    PracticeAccess access;
    @Inject
    Platforms platforms;
    @Inject
    EngagementService engagement;

    public record Summary(String practice, LocalDate from, LocalDate to, String platform,
            @JsonUnwrapped EngagementFigures figures) {
    }

    public record Weekly(String practice, LocalDate from, LocalDate to, String platform, String timeZone,
            List<EngagementService.Week> weeks) {
    }

    public record Definition(String key, String label, String kind, String formula) {
    }

    @GET
    @Path("/summary")
    @Transactional
    @Operation(summary = "Engagement figures of the posts published in [from, to] (practice time zone)")
    public Summary summary(@QueryParam("practice") String practiceSlug, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform) {
        Practice practice = access.require(practiceSlug);
        ReportingPeriod period = ReportingPeriod.parse(from, to, practice.zone());
        String platformId = platforms.filter(practice, platform);
        return new Summary(practice.slug, period.from(), period.to(), platformId,
                engagement.summary(practice.id, period, platformId));
    }

    @GET
    @Path("/weekly")
    @Transactional
    @Operation(summary = "The same figures per ISO week (Monday start, practice time zone), with a per-platform split")
    public Weekly weekly(@QueryParam("practice") String practiceSlug, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform) {
        Practice practice = access.require(practiceSlug);
        ReportingPeriod period = ReportingPeriod.parse(from, to, practice.zone());
        String platformId = platforms.filter(practice, platform);
        return new Weekly(practice.slug, period.from(), period.to(), platformId, practice.timeZone,
                engagement.weekly(practice.id, period, platformId));
    }

    @GET
    @Path("/platforms")
    @Transactional
    @Operation(summary = "The platforms a practice can filter by: the built-in ones and any its data names")
    public List<String> platforms(@QueryParam("practice") String practiceSlug) {
        return platforms.of(access.require(practiceSlug));
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "Every metric with its formula")
    public List<Definition> definitions() {
        return Arrays.stream(Metric.values()).map(m -> new Definition(m.key(), m.label(), m.kind(), m.formula())).toList();
    }
}
