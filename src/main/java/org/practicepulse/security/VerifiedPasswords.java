package org.practicepulse.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers, for a few minutes, that a password matched a user's bcrypt hash, so that an API
 * client sending Basic credentials on every request pays for bcrypt once, not per request. Only an
 * HMAC of the password under a key that never leaves this process is kept, tied to the hash it was
 * checked against: a password change or reset (a new hash) forgets it at once, and a disabled user
 * is refused before this cache is asked.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] mac, String bcryptHash, Instant expires) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    public boolean isKnown(String username, String password, String currentHash) {
        Entry e = entries.get(username);
        return e != null && e.bcryptHash().equals(currentHash) && Instant.now().isBefore(e.expires())
                && MessageDigest.isEqual(e.mac(), mac(password));
    }

    public void remember(String username, String password, String currentHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude, but bounded: the next request of each client pays bcrypt once more
        }
        entries.put(username, new Entry(mac(password), currentHash, Instant.now().plus(TTL)));
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
