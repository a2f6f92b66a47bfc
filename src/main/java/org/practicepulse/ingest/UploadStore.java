package org.practicepulse.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.practicepulse.practice.Practice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps every uploaded original under upload-dir/<practice>/<sha256>/<safe name>, never overwritten. */
@ApplicationScoped
public class UploadStore {

    @Inject
    ImportConfig config;

    public Path keep(Practice practice, Path uploaded, String originalName) throws IOException {
        String sha = FileHash.sha256(uploaded);
        Path folder = config.uploadDir().resolve(practice.slug).resolve(sha);
        Files.createDirectories(folder);
        Path target = folder.resolve(safeFileName(originalName));
        if (!Files.exists(target)) {
            Files.copy(uploaded, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The longest file name a run reports. */
    static final int MAX_DISPLAY_NAME = 255;

    /**
     * The name an upload is reported and audited under: the name the client sent, without control
     * characters (terminal escapes, line breaks, NUL) and bidirectional overrides (which make
     * "gpj.exe" read as "exe.jpg"), cut to {@link #MAX_DISPLAY_NAME} characters keeping its end (the
     * extension, the dates); "upload" when nothing is left.
     */
    public static String displayName(String sent) {
        String name = sent == null ? "" : sent.replaceAll("[\\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]", "").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            int[] points = name.codePoints().toArray();
            int tail = 60;
            name = new String(points, 0, MAX_DISPLAY_NAME - tail - 1) + "…" + new String(points, points.length - tail, tail);
        }
        return name;
    }

    /** The last path element, with anything but letters, digits, dot, dash and underscore replaced. */
    public static String safeFileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.replaceAll("^\\.+", "_");
        if (base.isEmpty()) {
            base = "upload";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
