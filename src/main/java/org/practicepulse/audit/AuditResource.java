package org.practicepulse.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail of a practice: its changes, and the sign-ins of its users. Read-only by design. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OWNER)
@Tag(name = "Audit")
public class AuditResource {

    public record Entry(long id, Instant at, String actor, String action, String target, String detail, String remote) {
    }

    @Inject
    PracticeAccess access;

    @GET
    @Transactional
    @Operation(summary = "Audit entries of a practice in [from, to], newest first (at most 1000)")
    public List<Entry> list(@QueryParam("practice") String slug, @QueryParam("from") String from, @QueryParam("to") String to) {
        Practice practice = access.require(slug);
        ReportingPeriod period = ReportingPeriod.parse(from, to, practice.zone());
        @SuppressWarnings("unchecked")
        List<AuditEvent> events = AuditEvent.getEntityManager().createNativeQuery("""
                select e.* from audit_event e
                where e.at >= ?1 and e.at < ?2
                  and (e.practice_id = ?3
                       or e.practice_id is null and e.actor in (select u.username from app_user u
                                                                 join app_user_practice up on up.user_id = u.id
                                                                 where up.practice_id = ?3))
                order by e.at desc, e.id desc
                limit 1000
                """, AuditEvent.class).setParameter(1, period.start()).setParameter(2, period.end())
                .setParameter(3, practice.id).getResultList();
        return events.stream().map(e -> new Entry(e.id, e.at, e.actor, e.action, e.target, e.detail, e.remote)).toList();
    }
}
