package org.practicepulse.security;

import java.util.Comparator;
import java.util.List;

import org.practicepulse.practice.Practice;
import org.practicepulse.web.ApiException;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place that decides which practices the caller may see. A practice the caller may not
 * see answers exactly like one that does not exist (404), so that slugs cannot be probed.
 */
@RequestScoped
public class PracticeAccess {

    @Inject
    SecurityIdentity identity;

    /** The practice with this slug, if the caller may see it; otherwise 404 (400 when missing). */
    public Practice require(String slug) {
        if (slug == null || slug.isBlank()) {
            throw ApiException.badRequest("missing parameter", "the 'practice' parameter (a practice slug) is required");
        }
        Practice practice = Practice.findBySlug(slug).orElse(null);
        if (practice == null || !mayAccess(practice)) {
            throw ApiException.notFound("unknown practice", "no practice '" + slug + "' for this user");
        }
        return practice;
    }

    public boolean mayAccess(Practice practice) {
        return visiblePractices().stream().anyMatch(p -> p.id.equals(practice.id));
    }

    /** The practices of the signed-in user, by name; every practice for an admin. */
    public List<Practice> visiblePractices() {
        if (identity.isAnonymous()) {
            return List.of();
        }
        AppUser user = AppUser.findByUsername(identity.getPrincipal().getName()).orElse(null);
        if (user == null || user.disabled) {
            return List.of();
        }
        List<Practice> practices = user.admin ? Practice.listAll() : List.copyOf(user.practices);
        return practices.stream().sorted(Comparator.comparing((Practice p) -> p.name).thenComparing(p -> p.slug)).toList();
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public SecurityIdentity identity() {
        return identity;
    }
}
