package org.practicepulse.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip of exports (YouTube Studio, TikTok Studio) into a private temporary folder,
 * refusing what could harm us: entry names that leave the folder, too many entries, and more
 * uncompressed bytes than allowed, counted as they are written (a zip bomb lies in its headers).
 * Nested archives and folders' own entries are not unpacked.
 */
public final class ZipExports {

    /**
     * The most an entry may expand, uncompressed bytes per compressed byte, once it is past
     * {@link #RATIO_GRACE_BYTES}. Real exports (CSV of numbers and text) deflate 3 to 20 times; a zip
     * bomb thousands of times, so it is refused after a few MB instead of after zip-max-bytes.
     */
    static final int MAX_INFLATE_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 4L * 1024 * 1024;

    /** One unpacked entry: its name inside the zip and where it now lies. */
    public record Entry(String name, Path file) {
    }

    private ZipExports() {
    }

    public static List<Entry> unpack(Path zip, Path into, int maxEntries, long maxBytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        CountingInputStream compressed = new CountingInputStream(Files.newInputStream(zip));
        try (ZipInputStream in = new ZipInputStream(compressed)) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = nextEntry(in)) != null) {
                if (++seen > maxEntries) {
                    throw new UnreadableFileException("the zip has more than " + maxEntries + " entries; refused");
                }
                String name = entry.getName();
                if (!isSafe(name)) {
                    throw new UnreadableFileException("the zip holds an unsafe entry name '" + CellValues.abbreviate(name)
                            + "' (absolute or with '..'); refused");
                }
                if (entry.isDirectory() || name.toLowerCase().endsWith(".zip")) {
                    continue;
                }
                Path target = into.resolve("entry-" + entries.size());
                long compressedStart = compressed.count();
                long entryBytes = 0;
                try (OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = read(in, buffer)) > 0) {
                        total += n;
                        entryBytes += n;
                        if (entryBytes > RATIO_GRACE_BYTES
                                && entryBytes > MAX_INFLATE_RATIO * Math.max(1, compressed.count() - compressedStart)) {
                            throw new UnreadableFileException("the zip entry '" + CellValues.abbreviate(name)
                                    + "' expands more than " + MAX_INFLATE_RATIO + " times (a zip bomb?); refused");
                        }
                        if (total > maxBytes) {
                            throw new UnreadableFileException("the zip unpacks to more than " + maxBytes
                                    + " bytes (a zip bomb?); refused");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                entries.add(new Entry(name, target));
            }
        }
        if (entries.isEmpty()) {
            throw new UnreadableFileException("the zip holds no files");
        }
        return entries;
    }

    private static int read(ZipInputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new UnreadableFileException("the zip is damaged or truncated: " + e.getMessage());
        }
    }

    private static ZipEntry nextEntry(ZipInputStream in) {
        try {
            return in.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableFileException("the zip is damaged: " + e.getMessage());
        }
    }

    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** True when the stream starts like a zip file (also true of XLSX, which is a zip). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static boolean readsAsZip(InputStream in) throws IOException {
        return isZip(in.readNBytes(4));
    }
}
