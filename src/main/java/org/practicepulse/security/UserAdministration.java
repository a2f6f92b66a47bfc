package org.practicepulse.security;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.practicepulse.audit.AuditTrail;
import org.practicepulse.practice.Practice;
import org.practicepulse.web.ApiException;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

/**
 * Owners manage the users of their own practices; admins manage everyone. An owner sees and
 * changes only users all of whose practices they own, grants only their own practices, and
 * cannot make anyone an admin. Passwords pass the policy and are stored as bcrypt hashes only.
 */
@ApplicationScoped
public class UserAdministration {

    public static final Set<String> ROLES = Set.of(Role.OWNER, Role.REPUTATION, Role.LEADERSHIP);

    /** A user as the API shows it: never the password or its hash. */
    public record UserView(String username, Set<String> roles, List<String> practices, boolean admin, boolean disabled) {
        static UserView of(AppUser u) {
            return new UserView(u.username, new TreeSet<>(u.roles),
                    u.practices.stream().map(p -> p.slug).sorted().toList(), u.admin, u.disabled);
        }
    }

    public record NewUser(String username, String password, List<String> roles, List<String> practices) {
    }

    public record UserChange(List<String> roles, List<String> practices, String password, Boolean disabled) {
    }

    @Inject
    PracticeAccess access;
    @Inject
    PasswordPolicy passwords;
    @Inject
    AuditTrail audit;

    @Transactional
    public List<UserView> list() {
        return AppUser.<AppUser>listAll().stream().filter(this::manageable)
                .sorted(Comparator.comparing(u -> u.username)).map(UserView::of).toList();
    }

    @Transactional
    public UserView create(NewUser request) {
        if (request == null || request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{3,64}")) {
            throw ApiException.badRequest("bad username", "3 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (AppUser.findByUsername(request.username()).isPresent()) {
            throw new ApiException(Response.Status.CONFLICT, "username taken", "a user '" + request.username() + "' exists");
        }
        passwords.check(request.username(), request.password());
        AppUser user = new AppUser();
        user.username = request.username();
        user.passwordHash = BcryptUtil.bcryptHash(request.password());
        user.roles.addAll(roles(request.roles()));
        user.practices.addAll(grantable(request.practices()));
        user.persist();
        for (Practice p : user.practices) {
            audit.record(p.id, access.username(), AuditTrail.Action.USER_CREATED, user.username,
                    "roles " + user.roles + ", practices " + slugs(user.practices));
        }
        return UserView.of(user);
    }

    @Transactional
    public UserView change(String username, UserChange change) {
        AppUser user = manageableUser(username);
        if (change == null) {
            throw ApiException.badRequest("empty change", "send roles, practices, password or disabled");
        }
        List<String> what = new java.util.ArrayList<>();
        if (change.roles() != null) {
            if (user.username.equals(access.username()) && !roles(change.roles()).contains(Role.OWNER) && user.roles.contains(Role.OWNER)) {
                throw ApiException.badRequest("own role", "you cannot remove your own owner role");
            }
            user.roles.clear();
            user.roles.addAll(roles(change.roles()));
            what.add("roles " + user.roles);
        }
        if (change.practices() != null) {
            Set<Practice> granted = grantable(change.practices());
            // The caller's practices are replaced; any other stay (only an admin sees such users anyway).
            user.practices.removeIf(access::mayAccess);
            user.practices.addAll(granted);
            what.add("practices " + slugs(user.practices));
        }
        if (change.password() != null) {
            passwords.check(user.username, change.password());
            user.passwordHash = BcryptUtil.bcryptHash(change.password());
            what.add("password reset");
        }
        if (change.disabled() != null) {
            if (user.username.equals(access.username()) && change.disabled()) {
                throw ApiException.badRequest("own account", "you cannot disable yourself");
            }
            user.disabled = change.disabled();
            what.add(change.disabled() ? "disabled" : "enabled");
        }
        for (Practice p : user.practices) {
            audit.record(p.id, access.username(), AuditTrail.Action.USER_UPDATED, user.username, String.join(", ", what));
        }
        return UserView.of(user);
    }

    @Transactional
    public void delete(String username) {
        AppUser user = manageableUser(username);
        if (user.username.equals(access.username())) {
            throw ApiException.badRequest("own account", "you cannot delete yourself");
        }
        for (Practice p : user.practices) {
            audit.record(p.id, access.username(), AuditTrail.Action.USER_DELETED, user.username, null);
        }
        user.delete();
    }

    private AppUser manageableUser(String username) {
        return AppUser.findByUsername(username).filter(this::manageable)
                .orElseThrow(() -> ApiException.notFound("unknown user", "no user '" + username + "' you may manage"));
    }

    /** Admins manage everyone; an owner manages users all of whose practices they can see. Admins only by admins. */
    private boolean manageable(AppUser user) {
        if (access.identity().hasRole(Role.ADMIN)) {
            return true;
        }
        if (user.admin) {
            return false;
        }
        Set<Long> mine = access.visiblePractices().stream().map(p -> p.id).collect(Collectors.toSet());
        return !user.practices.isEmpty() && user.practices.stream().allMatch(p -> mine.contains(p.id))
                || user.username.equals(access.username());
    }

    private static Set<String> roles(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("missing roles", "give at least one of " + new TreeSet<>(ROLES));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String r : requested) {
            if (!ROLES.contains(r)) {
                throw ApiException.badRequest("bad role", "'" + r + "' is not one of " + new TreeSet<>(ROLES));
            }
            roles.add(r);
        }
        return roles;
    }

    /** The requested practices, each one the caller may see (404 otherwise, like any unknown practice). */
    private Set<Practice> grantable(List<String> slugs) {
        if (slugs == null || slugs.isEmpty()) {
            throw ApiException.badRequest("missing practices", "give at least one practice slug");
        }
        Set<Practice> practices = new LinkedHashSet<>();
        for (String slug : slugs) {
            practices.add(access.require(slug));
        }
        return practices;
    }

    private static String slugs(Set<Practice> practices) {
        return practices.stream().map(p -> p.slug).sorted().collect(Collectors.joining(", "));
    }
}
