package org.practicepulse.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates practices on first sight of their inbox folder. A folder may hold a {@code practice.json}
 * ({@code {"name": "...", "timeZone": "America/Chicago"}}) that names the practice and sets its zone.
 */
@ApplicationScoped
public class PracticeService {

    public static final String PRACTICE_FILE = "practice.json";
    private static final Logger LOG = Logger.getLogger(PracticeService.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "pulse.practice.default-time-zone")
    String defaultTimeZone;

    /**
     * Returns the practice with this slug, creating it (in its own transaction, so that a failed
     * import never rolls the practice back) from the folder's practice.json if there is one.
     */
    public Practice findOrCreate(String slug, Optional<Path> folder) {
        if (!PracticeSlug.isValid(slug)) {
            throw new IllegalArgumentException("not a valid practice slug: " + slug);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Practice> existing = Practice.findBySlug(slug);
            if (existing.isPresent()) {
                return existing.get();
            }
            Practice practice = new Practice();
            practice.slug = slug;
            practice.name = slug;
            practice.timeZone = defaultTimeZone;
            folder.map(f -> f.resolve(PRACTICE_FILE)).filter(Files::isRegularFile).ifPresent(f -> describe(practice, f));
            // Two scanners may meet here: the unique slug decides, the loser reads the winner's row.
            Practice.getEntityManager().createNativeQuery(
                    "insert into practice (slug, name, time_zone) values (?1, ?2, ?3) on conflict (slug) do nothing")
                    .setParameter(1, practice.slug).setParameter(2, practice.name).setParameter(3, practice.timeZone)
                    .executeUpdate();
            Practice created = Practice.findBySlug(slug).orElseThrow();
            LOG.infof("practice %s (%s, %s) ready", created.slug, created.name, created.timeZone);
            return created;
        });
    }

    private void describe(Practice practice, Path file) {
        try {
            JsonNode node = json.readTree(Files.readString(file));
            if (node.hasNonNull("name") && !node.get("name").asText().isBlank()) {
                practice.name = node.get("name").asText().strip();
            }
            if (node.hasNonNull("timeZone")) {
                practice.timeZone = ZoneId.of(node.get("timeZone").asText()).getId();
            }
        } catch (IOException | DateTimeException e) {
            LOG.warnf("ignoring unreadable %s: %s", file, e.getMessage());
        }
    }
}
