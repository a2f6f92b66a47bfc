package org.practicepulse.report;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.analytics.ScopeResolver;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/reports")
@RolesAllowed({ Role.OWNER, Role.LEADERSHIP })
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    ScopeResolver scopes;
    @Inject
    Reports reports;

    @GET
    @Path("/{dashboard}")
    @Transactional
    @Produces({ "application/pdf", XlsxReportWriter.CONTENT_TYPE, "application/zip", "text/csv", MediaType.APPLICATION_JSON })
    @Operation(summary = "A dashboard of [from, to] as a file: csv (one table, or a zip of one CSV per table), xlsx (one sheet per table) or pdf; the same figures as /api/metrics and /api/posts")
    public Response export(@PathParam("dashboard") String dashboardId, @QueryParam("practice") String practice,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String formatId) {
        Dashboard dashboard = Dashboard.byId(dashboardId).orElseThrow(() -> ApiException.notFound("unknown dashboard",
                "no dashboard '" + (dashboardId.length() > 40 ? dashboardId.substring(0, 40) + "..." : dashboardId)
                        + "'; known: " + Dashboard.ids()));
        if (formatId == null || formatId.isBlank()) {
            throw ApiException.badRequest("missing parameter", "'format' is required: one of " + ReportFormat.ids());
        }
        ReportFormat format = ReportFormat.byId(formatId).orElseThrow(() -> ApiException.badRequest("bad format",
                "'format' must be one of " + ReportFormat.ids()));
        ScopeResolver.Resolved resolved = scopes.resolve(practice, from, to, null, null);
        ReportFile file = reports.export(resolved.practice(), dashboard, resolved.period(), format);
        return Response.ok(file.bytes(), file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"").build();
    }
}
