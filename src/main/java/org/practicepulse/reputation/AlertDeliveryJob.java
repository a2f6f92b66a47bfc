package org.practicepulse.reputation;

import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sends queued alert deliveries (e-mail, webhooks) on a schedule, on every instance: the outbox's
 * claim makes each delivery go out from one instance only. Imports never wait for a mail server or
 * a webhook: they only queue rows. Also queues the daily digests.
 */
@ApplicationScoped
public class AlertDeliveryJob {

    private static final Logger LOG = Logger.getLogger(AlertDeliveryJob.class);
    private static final int CLAIM = 20;

    @Inject
    AlertOutbox outbox;
    @Inject
    AlertEmails emails;
    @Inject
    AlertWebhooks webhooks;
    @Inject
    DataSource dataSource;
    @Inject
    AlertConfig config;

    void checkRecipients(@Observes StartupEvent start) {
        config.webhooks().orElse(List.of()).forEach(AlertDeliveryJob::requireHttp);
        config.safety().webhooks().orElse(List.of()).forEach(AlertDeliveryJob::requireHttp);
        if (config.emailTo().isEmpty() && config.webhooks().isEmpty()) {
            LOG.info("no alert recipients configured (pulse.alerts.email-to, pulse.alerts.webhooks): alerts are only listed");
        }
    }

    /** Webhook URLs often carry a secret in their path (Slack, Teams): logs show only their host. */
    private static String loggable(AlertOutbox.Delivery delivery) {
        if (!AlertOutbox.WEBHOOK.equals(delivery.channel())) {
            return delivery.target();
        }
        java.net.URI url = java.net.URI.create(delivery.target());
        return url.getScheme() + "://" + url.getAuthority() + "/…";
    }

    private static void requireHttp(java.net.URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalStateException("pulse.alerts webhook '" + url + "' is not an http(s) URL");
        }
    }

    @Scheduled(every = "{pulse.alerts.deliver-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDelivery() {
        deliverDue();
    }

    @Scheduled(cron = "{pulse.alerts.digest-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDigests() {
        deliverDigests();
    }

    /** Queues today's digests (one per practice with waiting alerts) and sends what is due; returns the digests queued. */
    public int deliverDigests() {
        int digests = QuarkusTransaction.requiringNew().call(outbox::queueDigests);
        deliverDue();
        return digests;
    }

    /** Sends every delivery that is due now; returns how many went out. */
    public int deliverDue() {
        int sent = 0;
        for (List<AlertOutbox.Delivery> claimed = outbox.claimDue(CLAIM); !claimed.isEmpty(); claimed = outbox.claimDue(CLAIM)) {
            for (AlertOutbox.Delivery delivery : claimed) {
                if (send(delivery)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean send(AlertOutbox.Delivery delivery) {
        try {
            AlertMessage message = AlertMessage.load(dataSource, delivery);
            if (AlertOutbox.EMAIL.equals(delivery.channel())) {
                emails.send(message, delivery.target());
            } else {
                webhooks.send(message, delivery.target());
            }
            outbox.sent(delivery);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.failed(delivery, "interrupted");
        } catch (Exception e) {
            LOG.warnf("alert delivery %d (%s to %s), attempt %d, failed: %s", delivery.id(), delivery.channel(),
                    loggable(delivery), delivery.attempts(), e.toString());
            outbox.failed(delivery, e.toString());
        }
        return false;
    }
}
