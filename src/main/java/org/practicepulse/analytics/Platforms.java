package org.practicepulse.analytics;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.practicepulse.practice.Practice;
import org.practicepulse.web.ApiException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

/** Platform ids: the ones we have importers for, plus any a practice's own data names. */
@ApplicationScoped
public class Platforms {

    public static final List<String> BUILT_IN = List.of("x", "facebook", "instagram", "linkedin", "youtube", "tiktok");

    @Inject
    EntityManager em;

    /** The platforms of this practice's filter lists. */
    public List<String> of(Practice practice) {
        TreeSet<String> all = new TreeSet<>(BUILT_IN);
        @SuppressWarnings("unchecked")
        List<String> own = em.createNativeQuery("""
                select platform from social_account where practice_id = ?1
                union select platform from web_traffic_daily where practice_id = ?1 and platform is not null
                """)
                .setParameter(1, practice.id).getResultList();
        all.addAll(own);
        return List.copyOf(all);
    }

    /** The platform filter of a request: null for all platforms; 400 for one the practice does not know. */
    public String filter(Practice practice, String platform) {
        if (platform == null || platform.isBlank()) {
            return null;
        }
        String id = platform.strip().toLowerCase(Locale.ROOT);
        if (!of(practice).contains(id)) {
            throw ApiException.badRequest("unknown platform", "'" + (id.length() > 30 ? id.substring(0, 30) + "..." : id)
                    + "' is not a platform of this practice; known: " + String.join(", ", of(practice)));
        }
        return id;
    }
}
