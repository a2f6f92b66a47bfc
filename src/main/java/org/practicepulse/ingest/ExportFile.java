package org.practicepulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * A file being imported: its bytes on disk, the encoding found from its byte-order mark, and the
 * context a format may need (practice time zone, export date). Formats read it only through here.
 */
public final class ExportFile {

    /** How much of the file detection may look at. */
    static final int HEAD_BYTES = 64 * 1024;

    /** What kind of container the bytes are. */
    public enum Kind {
        /** CSV, TSV, JSON, NDJSON: read as text. */
        TEXT,
        /** A zip of exports (YouTube, TikTok). */
        ZIP,
        /** An Office Open XML workbook (a zip with xl/workbook.xml). */
        XLSX,
        /** A legacy Excel 97-2003 workbook (OLE2). */
        XLS
    }

    private final Path path;
    private final Kind kind;
    private final String fileName;
    private final ZoneId practiceZone;
    private final LocalDate exportDate;
    private final String archiveName;
    private final Charset charset;
    private final int bomLength;
    private final byte[] head;
    private List<String> headLines;

    public ExportFile(Path path, String fileName, ZoneId practiceZone, LocalDate exportDate) throws IOException {
        this(path, fileName, practiceZone, exportDate, null);
    }

    /** An entry unpacked from the zip named {@code archiveName}. */
    public ExportFile(Path path, String fileName, ZoneId practiceZone, LocalDate exportDate, String archiveName)
            throws IOException {
        this.path = path;
        this.fileName = fileName;
        this.practiceZone = practiceZone;
        this.exportDate = exportDate;
        this.archiveName = archiveName;
        try (InputStream in = Files.newInputStream(path)) {
            this.head = in.readNBytes(HEAD_BYTES);
        }
        this.kind = kindOf(path, head);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            charset = kind == Kind.TEXT ? guessCharset(head) : StandardCharsets.UTF_8;
            bomLength = 0;
        }
    }

    /** Windows-1252, which Excel on Western Windows writes for "CSV"; always present in the JDK. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The encoding of text without a byte-order mark: UTF-16 when every other byte of the head is NUL
     * (ASCII text saved as "Unicode" without a mark, which would otherwise look binary); UTF-8 when the
     * head is valid UTF-8; else Windows-1252, the usual "ANSI" export, whose accents would otherwise
     * become U+FFFD. Only the head is looked at: a file valid UTF-8 there is read as UTF-8 throughout.
     */
    static Charset guessCharset(byte[] head) {
        int pairs = head.length / 2;
        if (pairs >= 8) {
            int evenNul = 0;
            int oddNul = 0;
            for (int i = 0; i + 1 < head.length; i += 2) {
                evenNul += head[i] == 0 ? 1 : 0;
                oddNul += head[i + 1] == 0 ? 1 : 0;
            }
            if (oddNul >= pairs * 0.9 && evenNul <= pairs * 0.02) {
                return StandardCharsets.UTF_16LE;
            }
            if (evenNul >= pairs * 0.9 && oddNul <= pairs * 0.02) {
                return StandardCharsets.UTF_16BE;
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length);
        // endOfInput false: a character cut by the end of the head is not an error
        boolean malformed = strict.decode(bytes, chars, head.length < HEAD_BYTES).isError();
        return malformed ? WINDOWS_1252 : StandardCharsets.UTF_8;
    }

    private static Kind kindOf(Path path, byte[] head) {
        if (ZipExports.isZip(head)) {
            try (ZipFile zip = new ZipFile(path.toFile())) {
                return zip.getEntry("xl/workbook.xml") != null ? Kind.XLSX : Kind.ZIP;
            } catch (IOException e) {
                // damaged (truncated: no central directory): its first entries still say whether it is a workbook,
                // and the spreadsheet formats or unpacking will say how it is damaged
                return namesWorkbookParts(head) ? Kind.XLSX : Kind.ZIP;
            }
        }
        return startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) ? Kind.XLS : Kind.TEXT;
    }

    /** True when the local entry headers at the start of a zip name the parts of an XLSX workbook. */
    private static boolean namesWorkbookParts(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        return ascii.contains("xl/workbook.xml") || ascii.contains("xl/worksheets/") || ascii.contains("xl/sharedStrings.xml")
                || ascii.contains("xl/styles.xml");
    }

    public Kind kind() {
        return kind;
    }

    /** The bytes on disk, for formats that hand the file to a library (spreadsheets). */
    public Path path() {
        return path;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The name of the zip this file was unpacked from; empty for a file imported as it is. Some
     * platforms name the account only there (TikTok {@code Content_<handle>.zip}, YouTube
     * {@code Content <from>_<to> <channel>.zip}).
     */
    public Optional<String> archiveName() {
        return Optional.ofNullable(archiveName);
    }

    public ZoneId practiceZone() {
        return practiceZone;
    }

    /** The day the export was made: the snapshot date of lifetime counters. */
    public LocalDate exportDate() {
        return exportDate;
    }

    public Charset charset() {
        return charset;
    }

    public long size() throws IOException {
        return Files.size(path);
    }

    /** True when the start of the file holds NUL bytes outside UTF-16: a binary file, not an export. */
    public boolean looksBinary() {
        if (kind != Kind.TEXT || charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The first lines of the file (up to 64 KiB), decoded, without the byte-order mark. */
    public List<String> headLines() {
        if (headLines == null) {
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            CharBuffer chars = CharBuffer.allocate(HEAD_BYTES);
            decoder.decode(ByteBuffer.wrap(head, bomLength, head.length - bomLength), chars, true);
            chars.flip();
            String text = chars.toString();
            List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
            if (head.length == HEAD_BYTES && lines.size() > 1) {
                lines.remove(lines.size() - 1); // the last line may be cut in half
            }
            headLines = lines;
        }
        return headLines;
    }

    /** The first line that is not blank, or "" for an empty file. */
    public String firstLine() {
        return headLines().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** The whole file as text, decoded with its encoding (bad bytes become U+FFFD), without the BOM. */
    public Reader openReader() throws IOException {
        InputStream in = Files.newInputStream(path);
        in.skipNBytes(bomLength);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
