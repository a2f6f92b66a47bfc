package org.practicepulse.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends the scheduled reports that are due, each exactly once per period, whatever the number of
 * instances and restarts. Per subscription and period, one transaction: it takes an advisory lock
 * on the subscription (another instance busy with it makes this one move on), claims the period by
 * inserting its report_delivery row (the primary key refuses a second one; an earlier delivery
 * makes the insert do nothing), makes the report, sends the mail, and commits. A failure rolls the
 * claim back, so the next run tries again; the only window for a duplicate is a commit failing
 * after the mail server accepted the mail.
 *
 * Holds no state between calls: a new instance (a restart) knows what was sent from the table.
 */
@ApplicationScoped
public class ReportDeliveries {

    private static final Logger LOG = Logger.getLogger(ReportDeliveries.class);
    private static final int DELIVERY_TIMEOUT_SECONDS = 300;

    public enum Status {
        SENT, SKIPPED_EMPTY
    }

    /** A period delivered (or skipped as empty) by this call. */
    public record Delivery(long subscriptionId, LocalDate from, LocalDate to, Status status, String fileName) {
    }

    /** A subscription's period that is due and not yet delivered, as read before claiming it. */
    private record DuePeriod(long subscriptionId, long practiceId, Dashboard dashboard, ReportFormat format,
            List<String> recipients, boolean skipEmpty, ReportingPeriod period) {
    }

    private static final String DELIVERED = """
            select exists (select 1 from report_delivery
                           where practice_id = ? and subscription_id = ? and period_from = ? and period_to = ?)
            """;
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended(?, 0))";
    // Inserts nothing when the period was delivered already, or the subscription was deleted meanwhile.
    private static final String CLAIM = """
            insert into report_delivery (practice_id, subscription_id, period_from, period_to, status)
            select practice_id, id, ?, ?, 'CLAIMED' from report_subscription where id = ?
            on conflict do nothing
            """;
    private static final String FINISH = """
            update report_delivery set status = ?, file_name = ?, delivered_at = now()
            where practice_id = ? and subscription_id = ? and period_from = ? and period_to = ?
            """;

    private final DataSource dataSource;
    private final Reports reports;
    private final ReportDigest digest;
    private final Mailer mailer;

    @Inject
    public ReportDeliveries(DataSource dataSource, Reports reports, ReportDigest digest, Mailer mailer) {
        this.dataSource = dataSource;
        this.reports = reports;
        this.digest = digest;
        this.mailer = mailer;
    }

    /**
     * Delivers every period due at 'now' that is not delivered yet: for each subscription, the
     * latest period whose sending time (practice time zone) is at or before now and not before the
     * subscription was made. Earlier missed periods are not caught up. Returns what this call did.
     */
    public List<Delivery> deliverDue(Instant now) {
        List<DuePeriod> due = QuarkusTransaction.requiringNew().call(() -> duePeriods(now));
        List<Delivery> done = new ArrayList<>();
        for (DuePeriod period : due) {
            try {
                deliver(period).ifPresent(done::add);
            } catch (RuntimeException e) {
                // One subscription's failure (a mail server down) never stops the others; the next run retries.
                LOG.errorf(e, "report subscription %d: the period %s to %s could not be delivered", period.subscriptionId(),
                        period.period().from(), period.period().to());
            }
        }
        return done;
    }

    private List<DuePeriod> duePeriods(Instant now) throws SQLException {
        List<DuePeriod> due = new ArrayList<>();
        List<ReportSubscription> subscriptions = ReportSubscription.listAll();
        try (Connection c = dataSource.getConnection(); PreparedStatement delivered = c.prepareStatement(DELIVERED)) {
            for (ReportSubscription s : subscriptions) {
                Practice practice = Practice.findById(s.practiceId);
                Optional<Dashboard> dashboard = Dashboard.byId(s.dashboard);
                Optional<ReportFormat> format = ReportFormat.byId(s.format);
                if (practice == null || dashboard.isEmpty() || format.isEmpty()) {
                    continue;
                }
                Optional<DeliverySchedule.Due> latest = DeliverySchedule.parse(s.schedule).latestDue(now, practice.zone());
                if (latest.isEmpty() || latest.get().dueAt().toInstant().isBefore(s.createdAt)) {
                    continue;
                }
                ReportingPeriod period = latest.get().period();
                delivered.setLong(1, s.practiceId);
                delivered.setLong(2, s.id);
                delivered.setObject(3, period.from());
                delivered.setObject(4, period.to());
                try (ResultSet rs = delivered.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        due.add(new DuePeriod(s.id, s.practiceId, dashboard.get(), format.get(), List.copyOf(s.recipients),
                                s.skipEmpty, period));
                    }
                }
            }
        }
        return due;
    }

    private Optional<Delivery> deliver(DuePeriod due) {
        return QuarkusTransaction.requiringNew().timeout(DELIVERY_TIMEOUT_SECONDS).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!lock(c, due.subscriptionId()) || !claim(c, due)) {
                    return Optional.<Delivery>empty(); // another instance has it, or it went out already
                }
                Practice practice = Practice.findById(due.practiceId());
                ReportContext context = reports.context(practice, due.dashboard(), due.period());
                if (due.skipEmpty() && context.isEmpty()) {
                    finish(c, due, Status.SKIPPED_EMPTY, null);
                    return Optional.of(new Delivery(due.subscriptionId(), due.period().from(), due.period().to(),
                            Status.SKIPPED_EMPTY, null));
                }
                ReportFile file = reports.write(reports.build(context), due.format());
                ReportDigest.DigestMail mail = digest.compose(context, file.name());
                mailer.send(new Mail().setTo(due.recipients()).setSubject(mail.subject()).setText(mail.text())
                        .setHtml(mail.html()).addAttachment(file.name(), file.bytes(), file.contentType()));
                finish(c, due, Status.SENT, file.name());
                LOG.infof("report subscription %d: sent %s to %d recipient(s)", due.subscriptionId(), file.name(),
                        due.recipients().size());
                return Optional.of(new Delivery(due.subscriptionId(), due.period().from(), due.period().to(), Status.SENT,
                        file.name()));
            }
        });
    }

    private static boolean lock(Connection c, long subscriptionId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LOCK)) {
            st.setString(1, "report-delivery:" + subscriptionId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean claim(Connection c, DuePeriod due) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setObject(1, due.period().from());
            st.setObject(2, due.period().to());
            st.setLong(3, due.subscriptionId());
            return st.executeUpdate() == 1;
        }
    }

    private static void finish(Connection c, DuePeriod due, Status status, String fileName) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(FINISH)) {
            st.setString(1, status.name());
            st.setString(2, fileName);
            st.setLong(3, due.practiceId());
            st.setLong(4, due.subscriptionId());
            st.setObject(5, due.period().from());
            st.setObject(6, due.period().to());
            st.executeUpdate();
        }
    }
}
