package org.practicepulse.security;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.practicepulse.audit.AuditEvent;
import org.practicepulse.audit.AuditTrail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a username after repeated failed sign-ins, for a while. The failures are read from the
 * audit trail, so the limit holds across instances and restarts.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigProperty(name = "pulse.login.max-failures", defaultValue = "5")
    int maxFailures;

    @ConfigProperty(name = "pulse.login.lockout", defaultValue = "PT15M")
    Duration lockout;

    public boolean isLocked(String username) {
        Instant since = Instant.now().minus(lockout);
        long failures = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "actor = ?1 and action = ?2 and at > ?3", username, AuditTrail.Action.LOGIN_FAILED.name(), since));
        return failures >= maxFailures;
    }
}
