package org.practicepulse.security;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OWNER)
@Tag(name = "Users")
public class UserResource {

    @Inject
    UserAdministration users;

    @GET
    @Operation(summary = "The users of the caller's practices")
    public List<UserAdministration.UserView> list() {
        return users.list();
    }

    @POST
    @Operation(summary = "Create a user for practices the caller owns")
    public Response create(UserAdministration.NewUser user) {
        UserAdministration.UserView created = users.create(user);
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PATCH
    @Path("/{username}")
    @Operation(summary = "Change roles, practices, password or disabled")
    public UserAdministration.UserView change(@PathParam("username") String username, UserAdministration.UserChange change) {
        return users.change(username, change);
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }
}
