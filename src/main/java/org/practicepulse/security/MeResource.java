package org.practicepulse.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Users")
public class MeResource {

    @Inject
    PracticeAccess access;

    public record PracticeRef(String slug, String name, String timeZone) {
    }

    public record Me(String username, Set<String> roles, List<PracticeRef> practices) {
    }

    @GET
    @Transactional
    @Operation(summary = "The signed-in user, their roles and the practices they may see")
    public Me me() {
        return new Me(access.username(), new TreeSet<>(access.identity().getRoles()),
                access.visiblePractices().stream().map(p -> new PracticeRef(p.slug, p.name, p.timeZone)).toList());
    }
}
