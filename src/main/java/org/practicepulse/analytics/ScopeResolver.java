package org.practicepulse.analytics;

import java.util.List;
import java.util.Locale;

import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.web.ApiException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Turns the common query parameters (practice, from, to, platform, account) into a checked scope. */
@ApplicationScoped
public class ScopeResolver {

    /** A request's practice, period and scope. */
    public record Resolved(Practice practice, ReportingPeriod period, MetricsQuery.Scope scope, String account) {
    }

    @Inject
    PracticeAccess access;
    @Inject
    Platforms platforms;
    @Inject
    EntityManager em;

    public Resolved resolve(String practiceSlug, String from, String to, String platform, String account) {
        Practice practice = access.require(practiceSlug);
        ReportingPeriod period = ReportingPeriod.parse(from, to, practice.zone());
        String platformId = platforms.filter(practice, platform);
        List<Long> accountIds = null;
        String handle = null;
        if (account != null && !account.isBlank()) {
            handle = account.strip().replaceFirst("^@", "");
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    select id from social_account
                    where practice_id = ?1 and lower(handle) = ?2 and (cast(?3 as text) is null or platform = ?3)
                    """).setParameter(1, practice.id).setParameter(2, handle.toLowerCase(Locale.ROOT))
                    .setParameter(3, platformId).getResultList();
            if (ids.isEmpty()) {
                throw ApiException.badRequest("unknown account", "no account '" + abbreviate(handle) + "' in this practice"
                        + (platformId == null ? "" : " on " + platformId));
            }
            accountIds = ids.stream().map(Number::longValue).toList();
        }
        return new Resolved(practice, period, new MetricsQuery.Scope(practice.id, practice.zone(), platformId, accountIds), handle);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
