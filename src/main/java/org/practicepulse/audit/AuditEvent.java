package org.practicepulse.audit;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the audit trail; append-only (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, insertable = false, updatable = false)
    public Instant at;

    @Column(name = "practice_id")
    public Long practiceId;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String target;

    public String detail;

    /** The client address the request came from. */
    public String remote;
}
