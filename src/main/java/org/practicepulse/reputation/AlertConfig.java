package org.practicepulse.reputation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of review alerts (prefix pulse.alerts). Without any recipient, alerts are still stored and listed. */
@ConfigMapping(prefix = "pulse.alerts")
public interface AlertConfig {

    /** Who gets negative-review alerts and digests by e-mail. */
    Optional<List<String>> emailTo();

    /** URLs that get negative-review alerts and digests as a JSON POST. */
    Optional<List<URI>> webhooks();

    /** Safety alerts (adverse event, emergency, self-harm): their own recipients, never digested. */
    Safety safety();

    /**
     * A review created longer ago than this when it is first imported is history, not news: it is
     * assessed and listed but raises no alert (a first import of years of reviews sends nothing).
     */
    @WithDefault("P30D")
    Duration maxReviewAge();

    /** How often due deliveries are sent (a Quarkus duration, or "off"). */
    @WithDefault("10s")
    String deliverEvery();

    /** When the daily digests are queued (a Quartz-style cron in the server's time zone, or "off"). */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    Retry retry();

    /** How long an instance may take to send a claimed delivery before another instance may claim it again. */
    @WithDefault("PT2M")
    Duration lease();

    /** Connect and answer timeout of a webhook POST. */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    interface Safety {
        /** Safety alert e-mail recipients; unset: the negative-alert recipients, so that no safety alert goes unsent. */
        @WithName("email-to")
        Optional<List<String>> emailTo();

        /** Safety alert webhooks; unset: the negative-alert webhooks. */
        Optional<List<URI>> webhooks();
    }

    /** Failed deliveries are retried after initial-delay × 2^(attempt − 1), at most max-delay apart. */
    interface Retry {
        @WithDefault("PT30S")
        Duration initialDelay();

        @WithDefault("PT1H")
        Duration maxDelay();

        /** After this many failed attempts a delivery is given up (status failed, with the last error). */
        @WithDefault("8")
        int maxAttempts();
    }
}
