package org.practicepulse.security;

import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Checks a username and password (HTTP Basic and the login form) against the app_user table. */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    // Compared against for unknown users too, so that response time does not reveal who exists.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-user-" + System.nanoTime());

    @Inject
    UserIdentities identities;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<AppUser> user = identities.enabledUser(request.getUsername());
            String password = new String(request.getPassword().getPassword());
            boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DUMMY_HASH));
            if (user.isEmpty() || !matches) {
                throw new AuthenticationFailedException("invalid credentials");
            }
            return identities.identityOf(user.get());
        });
    }
}
