package org.practicepulse.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A scheduled report: a dashboard of one practice, in one format, sent to these addresses on a schedule. */
@Entity
@Table(name = "report_subscription")
public class ReportSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id", nullable = false)
    public Long practiceId;

    /** {@link Dashboard#id()}. */
    @Column(nullable = false)
    public String dashboard;

    /** {@link ReportFormat#id()}. */
    @Column(nullable = false)
    public String format;

    /** "weekly", "monthly" or a Quartz cron expression (see {@link DeliverySchedule}). */
    @Column(nullable = false)
    public String schedule;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients = new ArrayList<>();

    /** Send nothing for a period without posts or social visits. */
    @Column(name = "skip_empty", nullable = false)
    public boolean skipEmpty;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ReportSubscription> ofPractice(long practiceId) {
        return list("practiceId = ?1 order by id", practiceId);
    }
}
