package org.practicepulse.report;

import java.time.Clock;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Every minute (pulse.reports.every; "off" in tests, which call {@link ReportDeliveries#deliverDue} with their own "now"). */
@ApplicationScoped
public class ReportDeliveryJob {

    private final Clock clock = Clock.systemUTC();

    @Inject
    ReportDeliveries deliveries;

    @Scheduled(identity = "report-deliveries", every = "{pulse.reports.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDueReports() {
        deliveries.deliverDue(clock.instant());
    }
}
