package org.practicepulse.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer, and CSRF protection: a state-changing API request signed in
 * by the session cookie must carry X-Requested-With, which a cross-site form cannot send (Basic-auth
 * clients carry no cookie, so they are not at risk and need nothing). The session cookie is also
 * SameSite=Strict.
 */
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The first route of all, so that its headers reach every answer, authentication challenges too.
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(rc -> {
            HttpServerResponse response = rc.response();
            response.headersEndHandler(ignored -> response
                    .putHeader("Content-Security-Policy", CSP)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "same-origin"));
            HttpMethod method = rc.request().method();
            boolean changes = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                    || method == HttpMethod.DELETE;
            boolean cookieOnly = rc.request().getHeader("Authorization") == null && rc.request().getHeader("Cookie") != null;
            if (changes && cookieOnly && rc.normalizedPath().startsWith("/api/")
                    && !"XMLHttpRequest".equals(rc.request().getHeader("X-Requested-With"))) {
                response.setStatusCode(403).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"csrf\",\"detail\":\"send X-Requested-With: XMLHttpRequest with cookie-authenticated changes\"}");
                return;
            }
            rc.next();
        });
    }
}
