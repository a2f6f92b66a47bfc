package org.practicepulse.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.practicepulse.web.ApiException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Passwords: at least 12 characters, not in the list of common passwords (security/common-passwords.txt),
 * not the username, not one character repeated. Checked on every password we are given to store.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> common.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("security/common-passwords.txt is missing", e);
        }
    }

    /** 400 with the reason when the password may not be used. */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.badRequest("weak password", "a password needs at least " + MIN_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!@#$%^&*.]+$", ""))) {
            throw ApiException.badRequest("weak password", "this password is on the list of common passwords");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("weak password", "a password may not contain the username");
        }
        if (password.chars().distinct().count() < 4) {
            throw ApiException.badRequest("weak password", "a password needs at least 4 different characters");
        }
    }

    int size() {
        return common.size();
    }
}
