package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.practicepulse.ingest.CountingInputStream;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.UnreadableFileException;

/**
 * An XLS or XLSX export opened read-only with Apache POI. POI loads a workbook whole into memory,
 * so large files are refused: measured here, an .xls takes about 5 times its size in heap (54 MB →
 * 250 MB) and an .xlsx about 110 times (2.4 MB of numbers → 265 MB), hence {@link #MAX_XLS_BYTES}
 * and {@link #MAX_XLSX_BYTES}. Real exports of a year of daily rows are well under 1 MB. Detection first uses
 * {@link #sheetNames}, which reads only the workbook's sheet list, so that trying a file against
 * several formats loads its cells only for the format whose sheet it has.
 */
final class ExportWorkbook implements AutoCloseable {

    /** The stream that holds an XLS workbook's sheets (Excel 5 and later; Excel 95 and older). */
    private static final List<String> WORKBOOK_STREAMS = List.of("Workbook", "Book");
    private static final String ENCRYPTED_XLSX_STREAM = "EncryptedPackage";
    /** The largest .xls we load (about 250 MB of heap). */
    static final long MAX_XLS_BYTES = 50L * 1024 * 1024;
    /** The largest .xlsx we load (about 450 MB of heap for a sheet of numbers). */
    static final long MAX_XLSX_BYTES = 4L * 1024 * 1024;
    /**
     * The most XML an .xlsx may unpack to, all parts together, counted while inflating (the sizes in
     * a zip's headers can lie). POI holds about 13 bytes of heap per byte of sheet XML, so this keeps a
     * load near 400 MB; a 4 MB file of a million highly compressible rows, or of millions of shared
     * strings, would otherwise take gigabytes.
     */
    static final long MAX_XLSX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** Deflated XML of real exports expands 5 to 20 times; far more is a zip bomb. */
    static final int MAX_XLSX_INFLATE_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 4L * 1024 * 1024;

    private final Workbook workbook;

    private ExportWorkbook(Workbook workbook) {
        this.workbook = workbook;
    }

    static boolean isWorkbook(ExportFile file) {
        return file.kind() == ExportFile.Kind.XLS || file.kind() == ExportFile.Kind.XLSX;
    }

    static boolean isTooLarge(ExportFile file) {
        try {
            return file.size() > maxBytes(file);
        } catch (IOException e) {
            return false; // open() will say what is wrong
        }
    }

    private static long maxBytes(ExportFile file) {
        return file.kind() == ExportFile.Kind.XLSX ? MAX_XLSX_BYTES : MAX_XLS_BYTES;
    }

    /**
     * The sheet names, read without loading the cells; empty for a file that is no workbook (an
     * OLE2 file of another kind, say). A file that is a workbook by its bytes but cannot be opened
     * is damaged, and no format could read it: that is said at once, as an {@link UnreadableFileException}.
     */
    static List<String> sheetNames(ExportFile file) {
        try {
            if (file.kind() == ExportFile.Kind.XLSX) {
                return xlsxSheetNames(file);
            }
            if (file.kind() == ExportFile.Kind.XLS) {
                return xlsSheetNames(file);
            }
            return List.of();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException | OpenXML4JException | HSSFUserException e) {
            throw damaged(e);
        }
    }

    private static List<String> xlsxSheetNames(ExportFile file) throws IOException, OpenXML4JException {
        List<String> names = new ArrayList<>();
        OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                }
            }
        } finally {
            pkg.revert(); // close() of a read-only package would try to save it
        }
        return names;
    }

    private static List<String> xlsSheetNames(ExportFile file) throws IOException, HSSFUserException {
        List<String> names = new ArrayList<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.path().toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive(ENCRYPTED_XLSX_STREAM)) {
                throw passwordProtected(); // an encrypted .xlsx travels inside an OLE2 file
            }
            if (WORKBOOK_STREAMS.stream().noneMatch(fs.getRoot()::hasEntryCaseInsensitive)) {
                return List.of(); // a Word document or an Outlook message, not a workbook
            }
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(new AbortableHSSFListener() {
                @Override
                public short abortableProcessRecord(Record record) {
                    if (record instanceof BoundSheetRecord sheet) {
                        names.add(sheet.getSheetname());
                    }
                    return record instanceof EOFRecord ? (short) 1 : 0; // the sheet list ends with the globals
                }
            });
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
        }
        return names;
    }

    private static UnreadableFileException damaged(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OldExcelFormatException) {
                return new UnreadableFileException("the workbook is in the Excel 5.0/95 format, which is not read;"
                        + " open it in a spreadsheet and save it as .xlsx");
            }
            if (t instanceof EncryptedDocumentException) {
                return passwordProtected();
            }
            if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return new UnreadableFileException("the workbook expands far more than its size when unpacked (a zip bomb?); refused");
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UnreadableFileException("the workbook is damaged or truncated and cannot be read (" + CellValues.abbreviate(reason) + ")");
    }

    private static UnreadableFileException passwordProtected() {
        return new UnreadableFileException("the workbook is password-protected; save it without a password and import it again");
    }

    /** Opens the workbook, or says in plain words why it cannot be read. */
    static ExportWorkbook open(ExportFile file) {
        long size;
        try {
            size = file.size();
        } catch (IOException e) {
            throw new UnreadableFileException("the workbook cannot be read: " + e.getMessage());
        }
        if (size > maxBytes(file)) {
            throw new UnreadableFileException(String.format(Locale.ROOT,
                    "the workbook is %.1f MB; .%s workbooks above %d MB are not read, since a workbook is loaded whole"
                            + " into memory: export a shorter period",
                    size / 1024.0 / 1024.0, file.kind().name().toLowerCase(Locale.ROOT), maxBytes(file) / 1024 / 1024));
        }
        if (file.kind() == ExportFile.Kind.XLSX) {
            requireBoundedParts(file);
        }
        try {
            return new ExportWorkbook(WorkbookFactory.create(file.path().toFile(), null, true));
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    /**
     * Inflates every part of an .xlsx once, without keeping it, and refuses the workbook when the parts
     * expand too far (a zip bomb) or to more XML than {@link #MAX_XLSX_UNPACKED_BYTES}: POI would
     * otherwise load it all into the heap.
     */
    private static void requireBoundedParts(ExportFile file) {
        long unpacked = 0;
        byte[] buffer = new byte[1 << 16];
        try (CountingInputStream compressed = new CountingInputStream(Files.newInputStream(file.path()));
                ZipInputStream zip = new ZipInputStream(compressed)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                long start = compressed.count();
                long entryBytes = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    entryBytes += n;
                    if (entryBytes > RATIO_GRACE_BYTES && entryBytes > MAX_XLSX_INFLATE_RATIO * Math.max(1, compressed.count() - start)) {
                        throw new UnreadableFileException("the workbook part '" + CellValues.abbreviate(entry.getName())
                                + "' expands more than " + MAX_XLSX_INFLATE_RATIO + " times (a zip bomb?); refused");
                    }
                    if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
                        throw new UnreadableFileException(String.format(Locale.ROOT,
                                "the workbook unpacks to more than %d MB of XML (its part '%s' alone to %.1f MB so far); a workbook"
                                        + " is loaded whole into memory, so this one is not read: export a shorter period",
                                MAX_XLSX_UNPACKED_BYTES / 1024 / 1024, CellValues.abbreviate(entry.getName()),
                                entryBytes / 1024.0 / 1024.0));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(e);
        }
    }

    /** The sheet of this name, ignoring case and surrounding blanks. */
    Optional<Sheet> sheet(String name) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().strip().equalsIgnoreCase(name)) {
                return Optional.of(sheet);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
