package org.practicepulse.reputation;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/reviews/reply-check")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.REPUTATION })
@Tag(name = "Reviews")
public class ReplyCheckResource {

    /** Longer than any review site accepts (Google: 4,096 characters). */
    static final int MAX_TEXT = 10_000;

    @Inject
    ReplySafetyChecker checker;

    /** A draft reply, and optionally the review it answers and its author's display name. */
    public record ReplyCheckRequest(String text, String reviewText, String reviewerName) {
    }

    @POST
    @Operation(summary = "Check a draft reply to a review for disclosures of patient information (HIPAA)",
            description = "Answers {risk: low|medium|high, findings: [{rule, excerpt, start, end, explanation}], suggestedReply}. "
                    + "start and end are character offsets in text, end exclusive.")
    public ReplyCheck check(ReplyCheckRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("missing text", "send {\"text\": \"the draft reply\", \"reviewText\": \"the review (optional)\"}");
        }
        for (String field : new String[] { request.text(), request.reviewText(), request.reviewerName() }) {
            if (field != null && field.length() > MAX_TEXT) {
                throw ApiException.badRequest("text too long", "texts are limited to " + MAX_TEXT + " characters");
            }
        }
        return checker.check(request.text(), request.reviewText(), request.reviewerName());
    }
}
