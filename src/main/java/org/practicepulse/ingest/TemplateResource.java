package org.practicepulse.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.ingest.format.GenericLayout;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The generic CSV templates, made from the importers' own column lists. */
@Path("/api/imports/templates")
@Tag(name = "Imports")
@RolesAllowed(Role.OWNER)
public class TemplateResource {

    @GET
    @Path("/{name}")
    @Produces("text/csv")
    @Operation(summary = "Download a generic CSV template: posts.csv, accounts.csv, traffic.csv or reviews.csv")
    public Response template(@PathParam("name") String name) {
        GenericLayout layout = Arrays.stream(GenericLayout.values()).filter(l -> l.templateName().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown template", "templates: " + String.join(", ",
                        Arrays.stream(GenericLayout.values()).map(GenericLayout::templateName).toList())));
        return Response.ok(layout.template().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"practice-pulse-" + layout.templateName() + "\"").build();
    }
}
