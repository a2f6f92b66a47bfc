package org.practicepulse.reputation;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.REPUTATION, Role.LEADERSHIP })
@Tag(name = "Reviews")
@Path("/api/reviews")
public class ReviewsResource {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    @Inject
    PracticeAccess access;
    @Inject
    ReviewsQuery reviews;

    @GET
    @Transactional
    @Operation(summary = "Reviews of a practice, newest first, with sentiment, negative and safety flags and the reply's risk",
            description = "from/to (YYYY-MM-DD, practice time zone, both included; both or neither) bound the creation date; "
                    + "site (google, yelp, trustpilot, healthgrades …); maxRating 1-5; sentiment negative|neutral|positive; "
                    + "unanswered true (no reply) or false (answered); limit (default 500, at most 5000).")
    public List<ReviewsQuery.ReviewView> list(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("site") String site, @QueryParam("maxRating") String maxRating,
            @QueryParam("sentiment") String sentiment, @QueryParam("unanswered") String unanswered,
            @QueryParam("limit") String limit) {
        Practice p = access.require(practice);
        ReportingPeriod period = from == null && to == null ? null : ReportingPeriod.parse(from, to, p.zone());
        ReviewsQuery.Filter filter = new ReviewsQuery.Filter(period,
                site == null || site.isBlank() ? null : site.strip().toLowerCase(Locale.ROOT),
                integer("maxRating", maxRating, 1, 5, null), sentiment(sentiment), bool("unanswered", unanswered),
                integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT));
        return reviews.list(p.id, filter);
    }

    private static Integer integer(String name, String raw, int min, int max, Integer absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw ApiException.badRequest("bad " + name, name + " must be a whole number from " + min + " to " + max);
    }

    private static SentimentLabel sentiment(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (SentimentLabel label : SentimentLabel.values()) {
            if (label.id().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return label;
            }
        }
        throw ApiException.badRequest("bad sentiment", "sentiment must be negative, neutral or positive");
    }

    private static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("bad " + name, name + " must be true or false");
        };
    }
}
