package org.practicepulse.security;

import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an app_user row into a security identity; shared by password and session-cookie sign-in. */
@ApplicationScoped
public class UserIdentities {

    /** The enabled user of that name, read in its own short transaction. */
    public Optional<AppUser> enabledUser(String username) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByUsername(username).filter(u -> !u.disabled));
    }

    public SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roles);
        if (user.admin) {
            identity.addRole(Role.ADMIN).addRole(Role.OWNER);
        }
        return identity.build();
    }
}
