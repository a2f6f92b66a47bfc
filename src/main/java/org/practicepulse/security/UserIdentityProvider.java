package org.practicepulse.security;

import java.util.Optional;

import org.practicepulse.audit.AuditTrail;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a username and password (HTTP Basic and the login form) against the app_user table.
 * Failures and form sign-ins go to the audit trail; a username with too many recent failures is
 * refused even with the right password until the lockout passes.
 */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    // Compared against for unknown users too, so that response time does not reveal who exists.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-user-" + System.nanoTime());

    @Inject
    UserIdentities identities;
    @Inject
    AuditTrail audit;
    @Inject
    LoginThrottle throttle;
    @Inject
    VerifiedPasswords verified;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String remote = http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
        boolean formLogin = http != null && http.normalizedPath().endsWith("/j_security_check");
        return context.runBlocking(() -> {
            String username = request.getUsername();
            Optional<AppUser> user = identities.enabledUser(username);
            String password = new String(request.getPassword().getPassword());
            String hash = user.map(u -> u.passwordHash).orElse(DUMMY_HASH);
            // A password verified a moment ago (an API client's next request) skips the lockout check and bcrypt.
            boolean recent = user.isPresent() && verified.isKnown(username, password, hash);
            if (!recent && throttle.isLocked(username)) {
                audit.record(null, username, AuditTrail.Action.LOGIN_THROTTLED, null, "too many failed sign-ins", remote);
                throw new AuthenticationFailedException("too many failed sign-ins");
            }
            boolean matches = recent || BcryptUtil.matches(password, hash);
            if (user.isEmpty() || !matches) {
                audit.record(null, username, AuditTrail.Action.LOGIN_FAILED, null,
                        user.isEmpty() ? "unknown or disabled user" : "wrong password", remote);
                throw new AuthenticationFailedException("invalid credentials");
            }
            verified.remember(username, password, hash);
            if (formLogin) {
                audit.record(null, username, AuditTrail.Action.LOGIN_SUCCEEDED, null, "form sign-in", remote);
            }
            return identities.identityOf(user.get());
        });
    }
}
