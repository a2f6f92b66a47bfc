package org.practicepulse.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which social platform sent a web session, from the analytics source/medium or channel. The
 * source decides when it names a platform; a social channel or medium with an unknown source
 * counts as "other-social"; anything else is not social (null).
 */
public final class SocialSources {

    private static final Map<String, String> SOURCE_PREFIXES = new LinkedHashMap<>();
    static {
        for (String s : new String[] { "facebook", "m.facebook", "l.facebook", "lm.facebook", "fb", "business.facebook" }) {
            SOURCE_PREFIXES.put(s, "facebook");
        }
        for (String s : new String[] { "t.co", "twitter", "x.com", "mobile.twitter" }) {
            SOURCE_PREFIXES.put(s, "x");
        }
        for (String s : new String[] { "instagram", "l.instagram", "ig" }) {
            SOURCE_PREFIXES.put(s, "instagram");
        }
        for (String s : new String[] { "linkedin", "lnkd.in", "lnkd" }) {
            SOURCE_PREFIXES.put(s, "linkedin");
        }
        for (String s : new String[] { "youtube", "m.youtube", "youtu.be" }) {
            SOURCE_PREFIXES.put(s, "youtube");
        }
        for (String s : new String[] { "tiktok", "vm.tiktok" }) {
            SOURCE_PREFIXES.put(s, "tiktok");
        }
        for (String s : new String[] { "threads", "threads.net" }) {
            SOURCE_PREFIXES.put(s, "threads");
        }
        for (String s : new String[] { "pinterest", "pin.it" }) {
            SOURCE_PREFIXES.put(s, "pinterest");
        }
        SOURCE_PREFIXES.put("doximity", "doximity");
    }

    private SocialSources() {
    }

    /** The platform id of the session's source, "other-social" for an unnamed social source, else null. */
    public static String platformOf(String source, String medium, String channel) {
        String s = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        String host = s.startsWith("www.") ? s.substring(4) : s;
        for (Map.Entry<String, String> e : SOURCE_PREFIXES.entrySet()) {
            String key = e.getKey();
            if (host.equals(key) || host.startsWith(key + ".") || host.equals(key + ".com")) {
                return e.getValue();
            }
        }
        String m = medium == null ? "" : medium.strip().toLowerCase(Locale.ROOT);
        String c = channel == null ? "" : channel.strip().toLowerCase(Locale.ROOT);
        if (c.contains("social") || m.equals("social") || m.equals("social-network") || m.equals("sm")
                || m.equals("social-media")) {
            return "other-social";
        }
        return null;
    }
}
