package org.practicepulse.risk;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.analytics.Platforms;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk")
public class RiskCheckResource {

    /** Longer than any platform allows (LinkedIn articles aside); keeps one request cheap. */
    static final int MAX_TEXT = 20_000;

    @Inject
    RiskRules rules;
    @Inject
    PracticeAccess access;

    /** A draft to check; platform (x, facebook, instagram, linkedin, youtube, tiktok) is optional. */
    public record CheckRequest(String text, String platform) {
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.OWNER, Role.REPUTATION, Role.LEADERSHIP })
    @Operation(summary = "Professionalism risk of a draft: score, level and findings; ?practice= adds that practice's own terms")
    public RiskAssessment check(@QueryParam("practice") String practiceSlug, CheckRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("missing text", "send the draft as {\"text\": \"...\", \"platform\": \"x\"}");
        }
        if (request.text().length() > MAX_TEXT) {
            throw ApiException.badRequest("text too long", "a draft may have at most " + MAX_TEXT + " characters");
        }
        String platform = null;
        if (request.platform() != null && !request.platform().isBlank()) {
            platform = request.platform().strip().toLowerCase(Locale.ROOT);
            if (!Platforms.BUILT_IN.contains(platform)) {
                throw ApiException.badRequest("unknown platform", "platform is one of " + String.join(", ", Platforms.BUILT_IN));
            }
        }
        String slug = practiceSlug == null ? null
                : QuarkusTransaction.requiringNew().call(() -> access.require(practiceSlug).slug);
        return rules.scorer(slug).score(request.text(), platform);
    }
}
