package org.practicepulse.report;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.practicepulse.audit.AuditTrail;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.web.ApiException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Creating, listing and deleting scheduled reports, with their validation. */
@ApplicationScoped
public class ReportSubscriptions {

    public static final int MAX_RECIPIENTS = 20;
    /**
     * A plain address: local part of the characters RFC 5322 allows unquoted, a domain of dotted
     * DNS labels with a top-level part. No spaces, quotes, angle brackets or line breaks, so an
     * address can never add a mail header.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public record NewSubscription(String dashboard, String practice, String format, String schedule, List<String> recipients,
            Boolean skipEmpty) {
    }

    public record LastDelivery(LocalDate from, LocalDate to, String status, String file, Instant at) {
    }

    public record SubscriptionView(long id, String practice, String dashboard, String format, String schedule, String cron,
            List<String> recipients, boolean skipEmpty, String createdBy, Instant createdAt, OffsetDateTime nextSending,
            LastDelivery lastDelivery) {
    }

    @Inject
    PracticeAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @Transactional
    public SubscriptionView create(NewSubscription request) {
        if (request == null) {
            throw ApiException.badRequest("missing body", "send {dashboard, practice, format, schedule, recipients, skipEmpty}");
        }
        Practice practice = access.require(request.practice());
        Dashboard dashboard = request.dashboard() == null ? null : Dashboard.byId(request.dashboard().strip()).orElse(null);
        if (dashboard == null) {
            throw ApiException.badRequest("unknown dashboard", "'dashboard' must be one of " + Dashboard.ids());
        }
        ReportFormat format = ReportFormat.byId(request.format()).orElseThrow(() -> ApiException.badRequest("bad format",
                "'format' must be one of " + ReportFormat.ids()));
        DeliverySchedule schedule;
        try {
            schedule = DeliverySchedule.parse(request.schedule());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad schedule", e.getMessage());
        }
        ReportSubscription subscription = new ReportSubscription();
        subscription.practiceId = practice.id;
        subscription.dashboard = dashboard.id();
        subscription.format = format.id();
        subscription.schedule = schedule.schedule();
        subscription.recipients = recipients(request.recipients());
        subscription.skipEmpty = Boolean.TRUE.equals(request.skipEmpty());
        subscription.createdBy = access.username();
        subscription.createdAt = Instant.now();
        subscription.persist();
        audit.record(practice.id, access.username(), AuditTrail.Action.SUBSCRIPTION_CREATED, "subscription " + subscription.id,
                dashboard.id() + " as " + format.id() + ", " + schedule.schedule() + ", to " + subscription.recipients.size()
                        + " recipient(s)");
        return view(subscription, practice, null);
    }

    @Transactional
    public List<SubscriptionView> list(String practiceSlug) {
        Practice practice = access.require(practiceSlug);
        Map<Long, LastDelivery> last = lastDeliveries(practice.id);
        return ReportSubscription.ofPractice(practice.id).stream().map(s -> view(s, practice, last.get(s.id))).toList();
    }

    @Transactional
    public void delete(long id) {
        ReportSubscription subscription = ReportSubscription.findById(id);
        Practice practice = subscription == null ? null : Practice.findById(subscription.practiceId);
        if (practice == null || !access.mayAccess(practice)) {
            throw ApiException.notFound("unknown subscription", "no subscription " + id + " for this user");
        }
        subscription.delete();
        audit.record(practice.id, access.username(), AuditTrail.Action.SUBSCRIPTION_DELETED, "subscription " + id,
                subscription.dashboard + " as " + subscription.format + ", " + subscription.schedule);
    }

    /** Trimmed, each checked, duplicates (ignoring case) dropped, in the order given. */
    static List<String> recipients(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("bad recipients", "'recipients' needs at least one e-mail address");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        for (String address : requested) {
            String trimmed = address == null ? "" : address.strip();
            if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
                String shown = trimmed.length() > 60 ? trimmed.substring(0, 57) + "..." : trimmed;
                throw ApiException.badRequest("bad recipients", "'" + shown.replaceAll("\\p{Cntrl}", "?")
                        + "' is not an e-mail address");
            }
            if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                addresses.add(trimmed);
            }
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw ApiException.badRequest("bad recipients", "at most " + MAX_RECIPIENTS + " recipients");
        }
        return addresses;
    }

    private Map<Long, LastDelivery> lastDeliveries(long practiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (subscription_id) subscription_id, period_from, period_to, status, file_name, delivered_at
                from report_delivery where practice_id = ?1
                order by subscription_id, period_to desc, delivered_at desc
                """).setParameter(1, practiceId).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                r -> new LastDelivery(localDate(r[1]), localDate(r[2]), (String) r[3], (String) r[4], instant(r[5]))));
    }

    private static SubscriptionView view(ReportSubscription s, Practice practice, LastDelivery last) {
        DeliverySchedule schedule = DeliverySchedule.parse(s.schedule);
        return new SubscriptionView(s.id, practice.slug, s.dashboard, s.format, s.schedule, schedule.cron(),
                List.copyOf(s.recipients), s.skipEmpty, s.createdBy, s.createdAt,
                schedule.next(Instant.now(), practice.zone()).map(java.time.ZonedDateTime::toOffsetDateTime).orElse(null), last);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o
                ? o.toInstant() : (Instant) value;
    }
}
