package org.practicepulse.analytics;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.risk.RiskCategory;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.LEADERSHIP })
@Tag(name = "Posts")
public class PostsResource {

    @Inject
    ScopeResolver scopes;
    @Inject
    PostsQuery posts;

    @GET
    @Transactional
    @Operation(summary = "Posts published in [from, to] with their latest counters and risk score, best first; minRisk and category list risky posts")
    public List<PostsQuery.PostView> top(@QueryParam("practice") String practice, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("account") String account,
            @QueryParam("sort") @DefaultValue("engagementRate") String sort, @QueryParam("limit") @DefaultValue("10") int limit,
            @QueryParam("minRisk") Integer minRisk, @QueryParam("category") String category) {
        ScopeResolver.Resolved r = scopes.resolve(practice, from, to, platform, account);
        PostsQuery.Sort order = Arrays.stream(PostsQuery.Sort.values()).filter(s -> s.name().equals(sort)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("bad sort", "sort must be one of "
                        + Arrays.toString(PostsQuery.Sort.values())));
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("bad limit", "limit must be between 1 and 500");
        }
        if (minRisk != null && (minRisk < 0 || minRisk > 100)) {
            throw ApiException.badRequest("bad minRisk", "minRisk is a score from 0 to 100");
        }
        if (category != null && !RiskCategory.ALL.contains(category)) {
            throw ApiException.badRequest("bad category", "category is one of " + RiskCategory.ALL);
        }
        return posts.top(r.scope(), r.period(), order, limit, minRisk, category);
    }
}
