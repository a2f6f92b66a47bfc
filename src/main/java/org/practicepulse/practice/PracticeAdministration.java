package org.practicepulse.practice;

import java.sql.Connection;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.practicepulse.analytics.MetricRollups;
import org.practicepulse.audit.AuditTrail;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.web.ApiException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

/** Creating practices (admins) and editing them (their owners). A new time zone re-buckets every figure. */
@ApplicationScoped
public class PracticeAdministration {

    public record PracticeView(String slug, String name, String timeZone, List<String> locations,
            List<Practice.Clinician> clinicians) {
        static PracticeView of(Practice p) {
            return new PracticeView(p.slug, p.name, p.timeZone, p.locations, p.clinicians);
        }
    }

    public record NewPractice(String slug, String name, String timeZone) {
    }

    public record PracticeChange(String name, String timeZone, List<String> locations, List<Practice.Clinician> clinicians) {
    }

    @Inject
    PracticeAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    MetricRollups rollups;
    @Inject
    DataSource dataSource;

    @Transactional
    public List<PracticeView> visible() {
        return access.visiblePractices().stream().map(PracticeView::of).toList();
    }

    @Transactional
    public PracticeView create(NewPractice request) {
        if (request == null || !PracticeSlug.isValid(request.slug())) {
            throw ApiException.badRequest("bad slug", "a slug is 1 to 63 lower-case letters, digits and single dashes");
        }
        if (Practice.findBySlug(request.slug()).isPresent()) {
            throw new ApiException(Response.Status.CONFLICT, "slug taken", "a practice '" + request.slug() + "' exists");
        }
        Practice practice = new Practice();
        practice.slug = request.slug();
        practice.name = name(request.name());
        practice.timeZone = zone(request.timeZone());
        practice.persist();
        audit.record(practice.id, access.username(), AuditTrail.Action.PRACTICE_CREATED, practice.slug,
                practice.name + ", " + practice.timeZone);
        return PracticeView.of(practice);
    }

    @Transactional
    public PracticeView update(String slug, PracticeChange change) throws java.sql.SQLException {
        Practice practice = access.require(slug);
        if (change == null) {
            throw ApiException.badRequest("empty change", "send name, timeZone, locations or clinicians");
        }
        List<String> what = new ArrayList<>();
        if (change.name() != null) {
            practice.name = name(change.name());
            what.add("name");
        }
        boolean rezoned = false;
        if (change.timeZone() != null && !zone(change.timeZone()).equals(practice.timeZone)) {
            practice.timeZone = zone(change.timeZone());
            rezoned = true;
            what.add("time zone " + practice.timeZone);
        }
        if (change.locations() != null) {
            practice.locations = change.locations().stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
            what.add("locations");
        }
        if (change.clinicians() != null) {
            practice.clinicians = clinicians(change.clinicians());
            what.add("clinicians");
        }
        practice.persistAndFlush();
        try (Connection c = dataSource.getConnection()) {
            if (change.clinicians() != null) {
                assignAccounts(c, practice);
            }
            if (rezoned) {
                rollups.rebuild(c, practice.id, practice.zone());
            }
        }
        audit.record(practice.id, access.username(), AuditTrail.Action.PRACTICE_UPDATED, practice.slug, String.join(", ", what));
        return PracticeView.of(practice);
    }

    /** social_account.clinician follows the clinicians' account lists. */
    private static void assignAccounts(Connection c, Practice practice) throws java.sql.SQLException {
        try (var clear = c.prepareStatement("update social_account set clinician = null where practice_id = ?")) {
            clear.setLong(1, practice.id);
            clear.executeUpdate();
        }
        try (var set = c.prepareStatement(
                "update social_account set clinician = ? where practice_id = ? and platform = ? and lower(handle) = lower(?)")) {
            for (Practice.Clinician clinician : practice.clinicians) {
                for (String account : clinician.accounts()) {
                    int colon = account.indexOf(':');
                    set.setString(1, clinician.name());
                    set.setLong(2, practice.id);
                    set.setString(3, account.substring(0, colon));
                    set.setString(4, account.substring(colon + 1).replaceFirst("^@", ""));
                    set.addBatch();
                }
            }
            set.executeBatch();
        }
    }

    private static List<Practice.Clinician> clinicians(List<Practice.Clinician> requested) {
        List<Practice.Clinician> clinicians = new ArrayList<>();
        for (Practice.Clinician c : requested) {
            if (c == null || c.name() == null || c.name().isBlank()) {
                throw ApiException.badRequest("bad clinician", "every clinician needs a name");
            }
            List<String> accounts = c.accounts() == null ? List.of() : c.accounts();
            for (String a : accounts) {
                if (a == null || !a.matches("[a-z0-9-]+:@?[^\\s:]+")) {
                    throw ApiException.badRequest("bad account", "accounts are written platform:handle, e.g. x:DrMayaOkafor");
                }
            }
            clinicians.add(new Practice.Clinician(c.name().strip(), accounts.stream().map(a -> a.replace(":@", ":")).toList()));
        }
        return clinicians;
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("bad name", "a practice name is 1 to 200 characters");
        }
        return name.strip();
    }

    private static String zone(String zone) {
        try {
            if (zone == null || !zone.contains("/") && !zone.equals("UTC")) {
                throw new DateTimeException("not a region id");
            }
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad time zone", "'" + zone + "' is not an IANA time zone such as America/Chicago");
        }
    }
}
