package org.practicepulse.practice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A medical practice: the tenant every other record belongs to. */
@Entity
@Table(name = "practice")
public class Practice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** IANA time zone id; periods and weeks are cut in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Sites of the practice, by name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> locations = new ArrayList<>();

    /** Clinicians with the social accounts that are theirs. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Clinician> clinicians = new ArrayList<>();

    /** A clinician of the practice; accounts are "platform:handle" (x:DrMayaOkafor). */
    public record Clinician(String name, List<String> accounts) {
    }

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public static Optional<Practice> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
