package org.practicepulse.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips built and read by tests, so that zip imports are tested with real archives. */
public final class Zips {

    private Zips() {
    }

    /** The entries of a zip, by name, in their order. */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    public static byte[] entry(Path zip, String name) throws IOException {
        byte[] bytes = entries(zip).get(name);
        if (bytes == null) {
            throw new AssertionError(zip + " has no entry " + name);
        }
        return bytes;
    }

    /** A zip of these entries, in this order, compressed at this level (0-9). */
    public static byte[] of(Map<String, byte[]> entries, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(level);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
