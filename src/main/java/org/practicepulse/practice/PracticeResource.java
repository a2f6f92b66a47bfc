package org.practicepulse.practice;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.security.Role;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/practices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practices")
public class PracticeResource {

    @Inject
    PracticeAdministration practices;

    @GET
    @Authenticated
    @Operation(summary = "The caller's practices")
    public List<PracticeAdministration.PracticeView> list() {
        return practices.visible();
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Create a practice (admins)")
    public Response create(PracticeAdministration.NewPractice practice) {
        PracticeAdministration.PracticeView created = practices.create(practice);
        return Response.created(URI.create("/api/practices/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Role.OWNER)
    @Operation(summary = "Edit name, time zone, locations and clinicians (owners of the practice); a new time zone re-buckets every figure")
    public PracticeAdministration.PracticeView update(@PathParam("slug") String slug, PracticeAdministration.PracticeChange change)
            throws SQLException {
        return practices.update(slug, change);
    }
}
