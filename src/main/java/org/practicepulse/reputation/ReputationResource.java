package org.practicepulse.reputation;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
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

@Path("/api/reputation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.REPUTATION, Role.LEADERSHIP })
@Tag(name = "Reviews")
public class ReputationResource {

    @Inject
    PracticeAccess access;
    @Inject
    ReviewsQuery reviews;

    @GET
    @Path("/summary")
    @Transactional
    @Operation(summary = "Reputation figures of the reviews written in [from, to]",
            description = "{reviews, averageRating, ratingDistribution:{1..5}, negative, safety, responseRate:{value, numerator, "
                    + "denominator}, medianResponseHours, netSentiment, riskyReplies, bySite:[…]}. Reviews count by when they "
                    + "were written: one answered after the period still counts as answered in it.")
    public ReviewsQuery.Summary summary(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Practice p = access.require(practice);
        return reviews.summary(p.id, ReportingPeriod.parse(from, to, p.zone()));
    }
}
