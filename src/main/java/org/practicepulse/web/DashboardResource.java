package org.practicepulse.web;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Dashboards")
public class DashboardResource {

    @Inject
    DashboardDefinitions definitions;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The dashboards the caller's roles may open, as declared in dashboards/*.json")
    public List<DashboardDefinitions.Dashboard> list() {
        return definitions.forRoles(identity.getRoles());
    }
}
