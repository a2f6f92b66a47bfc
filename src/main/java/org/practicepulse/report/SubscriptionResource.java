package org.practicepulse.report;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OWNER)
@Tag(name = "Reports")
public class SubscriptionResource {

    @Inject
    ReportSubscriptions subscriptions;

    @POST
    @Operation(summary = "Subscribe addresses to a dashboard's report: schedule weekly (Mondays 07:00, the previous week), monthly (the 1st, 07:00, the previous month) or a Quartz cron expression, practice time zone")
    public Response create(ReportSubscriptions.NewSubscription request) {
        ReportSubscriptions.SubscriptionView created = subscriptions.create(request);
        return Response.created(URI.create("/api/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The practice's scheduled reports, with the next sending and the last delivery")
    public List<ReportSubscriptions.SubscriptionView> list(@QueryParam("practice") String practice) {
        return subscriptions.list(practice);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a scheduled report")
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }
}
