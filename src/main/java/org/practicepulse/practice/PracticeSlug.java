package org.practicepulse.practice;

import java.util.regex.Pattern;

/** The rule for practice slugs: lower-case letters, digits and single dashes, at most 63 characters. */
public final class PracticeSlug {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private PracticeSlug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 63 && VALID.matcher(slug).matches();
    }
}
