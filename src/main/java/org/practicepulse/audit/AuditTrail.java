package org.practicepulse.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Records who did what, in the caller's transaction where there is one (so an entry exists exactly
 * when its change does), else in its own. Callers never pass secrets.
 */
@ApplicationScoped
public class AuditTrail {

    /** What an entry is about; the names appear in the API and the audit page. */
    public enum Action {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, PRACTICE_CREATED, PRACTICE_UPDATED, USER_CREATED, USER_UPDATED, USER_DELETED,
        IMPORT_UPLOADED, INBOX_SCANNED, ALERT_ACKNOWLEDGED, SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED, RULES_RELOADED
    }

    @Inject
    Instance<HttpServerRequest> request;

    public void record(Long practiceId, String actor, Action action, String target, String detail) {
        record(practiceId, actor, action, target, detail, remoteAddress());
    }

    @ActivateRequestContext
    public void record(Long practiceId, String actor, Action action, String target, String detail, String remote) {
        // Joins the caller's transaction: a change and its entry commit (or roll back) together.
        QuarkusTransaction.joiningExisting().run(() -> {
            AuditEvent event = new AuditEvent();
            event.practiceId = practiceId;
            event.actor = actor == null ? "anonymous" : actor;
            event.action = action.name();
            event.target = cut(target);
            event.detail = cut(detail);
            event.remote = remote;
            event.persist();
        });
    }

    private String remoteAddress() {
        try {
            HttpServerRequest current = request.get();
            return current.remoteAddress() == null ? null : current.remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null; // not in an HTTP request (scheduler, start-up)
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
