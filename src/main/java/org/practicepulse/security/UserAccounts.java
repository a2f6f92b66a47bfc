package org.practicepulse.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.practicepulse.practice.Practice;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates and updates users; the only code that writes password hashes. */
@ApplicationScoped
public class UserAccounts {

    /** Creates the user, or resets its password, roles, practices and admin flag, and enables it. */
    @Transactional
    public AppUser ensure(String username, String password, Set<String> roles, Collection<Practice> practices,
            boolean admin) {
        AppUser user = AppUser.findByUsername(username).orElseGet(AppUser::new);
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles.clear();
        user.roles.addAll(roles);
        user.practices.clear();
        for (Practice p : practices) {
            user.practices.add(Practice.<Practice>findById(p.id));
        }
        user.admin = admin;
        user.disabled = false;
        user.persist();
        return user;
    }

    @Transactional
    public void setDisabled(String username, boolean disabled) {
        Optional<AppUser> user = AppUser.findByUsername(username);
        user.ifPresent(u -> u.disabled = disabled);
    }
}
