package org.practicepulse.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.practicepulse.ingest.ImportConfig;
import org.practicepulse.practice.Practice;
import org.practicepulse.practice.PracticeService;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * At start-up: PULSE_ADMIN_USER / PULSE_ADMIN_PASSWORD, when set, ensure an admin (an owner of every
 * practice). With pulse.seed.demo-users (dev profile only) the documented demo users are created
 * for the demo practice.
 */
@ApplicationScoped
public class StartupUsers {

    public static final String DEMO_PRACTICE = "lakeside-family-medicine";
    /** Documented in the README; created only where pulse.seed.demo-users=true. */
    public static final String DEMO_PASSWORD = "pulse-demo-2026";
    private static final Logger LOG = Logger.getLogger(StartupUsers.class);

    @ConfigProperty(name = "pulse.admin.user")
    Optional<String> adminUser;
    @ConfigProperty(name = "pulse.admin.password")
    Optional<String> adminPassword;
    @ConfigProperty(name = "pulse.seed.demo-users", defaultValue = "false")
    boolean seedDemoUsers;

    @Inject
    UserAccounts accounts;
    @Inject
    PracticeService practices;
    @Inject
    ImportConfig importConfig;

    void onStart(@Observes StartupEvent event) {
        if (adminUser.isPresent() && adminPassword.isPresent()) {
            accounts.ensure(adminUser.get(), adminPassword.get(), Set.of(Role.OWNER), List.of(), true);
            LOG.infof("admin user '%s' ensured", adminUser.get());
        } else if (adminUser.isPresent()) {
            LOG.warn("PULSE_ADMIN_USER is set without PULSE_ADMIN_PASSWORD: no admin was created");
        }
        if (seedDemoUsers) {
            Practice demo = practices.findOrCreate(DEMO_PRACTICE,
                    importConfig.inbox().map(inbox -> inbox.resolve(DEMO_PRACTICE)));
            for (String role : List.of(Role.OWNER, Role.REPUTATION, Role.LEADERSHIP)) {
                accounts.ensure(role, DEMO_PASSWORD, Set.of(role), List.of(demo), false);
            }
            LOG.infof("demo users owner, reputation, leadership ensured for %s (passwords: see README)", DEMO_PRACTICE);
        }
    }
}
