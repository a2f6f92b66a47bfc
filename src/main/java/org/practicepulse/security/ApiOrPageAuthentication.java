package org.practicepulse.security;

import java.util.HashSet;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Basic and form login side by side. Both are accepted everywhere (pages call the API with the
 * session cookie), but the challenge differs: the API answers 401 JSON, pages redirect to the login
 * page. Without this wrapper Quarkus would redirect API clients to an HTML login page.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ApiOrPageAuthentication implements HttpAuthenticationMechanism {

    // The built-ins register themselves under this key to become the only challenger; we take that place.
    private static final String SELECTED = HttpAuthenticationMechanism.class.getName();

    @Inject
    BasicAuthenticationMechanism basic;
    @Inject
    FormAuthenticationMechanism form;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return delegate(basic, context, identities).onItem().ifNull().switchTo(() -> delegate(form, context, identities));
    }

    private Uni<SecurityIdentity> delegate(HttpAuthenticationMechanism mechanism, RoutingContext context,
            IdentityProviderManager identities) {
        Uni<SecurityIdentity> identity = mechanism.authenticate(context, identities);
        context.put(SELECTED, this);
        return identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return isApi(context) ? Uni.createFrom().item(apiChallenge(context)) : form.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return form.sendChallenge(context);
        }
        ChallengeData challenge = apiChallenge(context);
        var response = context.response().setStatusCode(challenge.status);
        challenge.getHeaders().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.end("{\"error\":\"unauthorized\",\"detail\":\"sign in, or send HTTP Basic credentials\"}");
        return Uni.createFrom().item(Boolean.TRUE);
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")
                || context.request().headers().contains(HttpHeaderNames.AUTHORIZATION);
    }

    /** Browsers' own fetches get no Basic challenge, so they show no native password pop-up. */
    private static ChallengeData apiChallenge(RoutingContext context) {
        boolean browserScript = context.request().headers().contains("Sec-Fetch-Mode")
                && !"navigate".equals(context.request().getHeader("Sec-Fetch-Mode"))
                || "XMLHttpRequest".equalsIgnoreCase(context.request().getHeader("X-Requested-With"));
        int status = HttpResponseStatus.UNAUTHORIZED.code();
        return browserScript ? new ChallengeData(status)
                : new ChallengeData(status, HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"Practice Pulse\"");
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(basic.getCredentialTypes());
        types.addAll(form.getCredentialTypes());
        return types;
    }
}
