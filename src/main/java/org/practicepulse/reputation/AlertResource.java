package org.practicepulse.reputation;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.audit.AuditTrail;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OWNER, Role.REPUTATION })
@Tag(name = "Reviews")
public class AlertResource {

    @Inject
    PracticeAccess access;
    @Inject
    ReviewAlerts alerts;
    @Inject
    AuditTrail audit;

    /** The practice's alert delivery preference. */
    public record AlertSettings(boolean dailyDigest) {
    }

    @GET
    @Transactional
    @Operation(summary = "Alerts of a practice, newest first: negative reviews and safety mentions, with the review",
            description = "status: open or acknowledged (default: both). Answers [{id, kind: negative|safety, status, createdAt, "
                    + "acknowledgedAt, acknowledgedBy, review:{id, site, rating, title, text, author, createdAt, url, safetyReasons}}].")
    public List<ReviewAlerts.AlertView> list(@QueryParam("practice") String practice, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        Practice p = access.require(practice);
        String wanted = status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && !wanted.equals(ReviewAlerts.OPEN) && !wanted.equals(ReviewAlerts.ACKNOWLEDGED)) {
            throw ApiException.badRequest("bad status", "status must be open or acknowledged");
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("bad limit", "limit must be between 1 and 1000");
        }
        return alerts.list(p.id, wanted, limit);
    }

    @POST
    @Path("/{id}/ack")
    @Transactional
    @Operation(summary = "Acknowledge an alert (again: no change, the first acknowledgement stays)")
    public ReviewAlerts.AlertView acknowledge(@PathParam("id") long id) {
        Practice practice = alerts.practiceOf(id).map(p -> Practice.<Practice>findById(p)).filter(access::mayAccess)
                .orElseThrow(() -> ApiException.notFound("unknown alert", "no alert " + id + " for this user"));
        ReviewAlerts.Acknowledgement ack = alerts.acknowledge(practice.id, id, access.username());
        ReviewAlerts.AlertView view = ack.alert();
        if (ack.changed()) {
            audit.record(practice.id, access.username(), AuditTrail.Action.ALERT_ACKNOWLEDGED, "alert " + id,
                    view.kind() + " alert of review " + view.review().id() + " on " + view.review().site());
        }
        return view;
    }

    @GET
    @Path("/settings")
    @Transactional
    @Operation(summary = "The practice's alert delivery: dailyDigest true sends one digest a day instead of a mail per negative review")
    public AlertSettings settings(@QueryParam("practice") String practice) {
        return new AlertSettings(alerts.dailyDigest(access.require(practice).id));
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OWNER)
    @Transactional
    @Operation(summary = "Switch the practice's daily digest on or off (owners); safety alerts are never digested")
    public AlertSettings update(@QueryParam("practice") String practice, AlertSettings settings) {
        Practice p = access.require(practice);
        if (settings == null) {
            throw ApiException.badRequest("missing body", "send {\"dailyDigest\": true|false}");
        }
        alerts.setDailyDigest(p.id, settings.dailyDigest(), access.username());
        audit.record(p.id, access.username(), AuditTrail.Action.PRACTICE_UPDATED, "alert settings",
                "daily digest " + (settings.dailyDigest() ? "on" : "off"));
        return settings;
    }
}
