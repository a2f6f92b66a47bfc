package org.practicepulse.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The printable report: practice name and period, the key figures as tiles, the weekly trend as a
 * chart image, then every table section (top posts …), with page numbers. Drawn with PDFBox; the
 * chart is drawn by JFreeChart into an image and embedded losslessly ({@link FlateImage}).
 */
@ApplicationScoped
public class PdfReportWriter implements ReportWriter {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm z", Locale.US);
    private static final Color TILE = new Color(0xf4, 0xf6, 0xf8);
    private static final Color LINE = new Color(0xd0, 0xd5, 0xdb);
    private static final Color STRIPE = new Color(0xf7, 0xf7, 0xf7);
    private static final int TILES_PER_ROW = 5;
    private static final float TILE_HEIGHT = 56;
    private static final float GAP = 8;
    private static final float CHART_HEIGHT = 270;
    private static final float ROW = 13;
    private static final float TABLE_TEXT = 7.5f;

    private final byte[] font = loadFont();

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public ReportFile write(Report report) throws IOException {
        try (PDDocument document = new PDDocument()) {
            try (PdfCanvas canvas = new PdfCanvas(document, font)) {
                canvas.newPage();
                header(canvas, report);
                for (ReportSection section : report.sections()) {
                    section(canvas, section);
                }
            }
            footers(document, report);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.practiceName() + " – " + report.dashboard().title() + ", " + FigureText.period(report.period()));
            info.setSubject(report.period().from() + " to " + report.period().to());
            info.setCreator("Practice Pulse");
            Calendar created = GregorianCalendar.from(report.generatedAt().atZone(TimeZone.getTimeZone("UTC").toZoneId()));
            info.setCreationDate(created);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return new ReportFile(report.fileName("pdf"), "application/pdf", bytes.toByteArray());
        }
    }

    private static void header(PdfCanvas canvas, Report report) throws IOException {
        float x = canvas.left();
        canvas.text(canvas.regular, 20, PdfCanvas.INK, x, canvas.y() - 18, report.practiceName());
        canvas.down(26);
        canvas.text(canvas.bold, 12, PdfCanvas.INK, x, canvas.y() - 11,
                report.dashboard().title() + " · " + FigureText.period(report.period()));
        canvas.down(17);
        ZonedDateTime generated = report.generatedAt().atZone(report.period().zone());
        canvas.text(canvas.regular, 8.5f, PdfCanvas.MUTED, x, canvas.y() - 8, "Period " + report.period().from() + " to "
                + report.period().to() + " (" + report.period().days() + " days, time zone " + report.period().zone().getId()
                + ") · generated " + GENERATED.format(generated));
        canvas.down(20);
    }

    private static void section(PdfCanvas canvas, ReportSection section) throws IOException {
        float first = switch (section.layout()) {
            case TILES -> TILE_HEIGHT;
            case CHART -> CHART_HEIGHT;
            case TABLE -> 3 * ROW;
        };
        canvas.ensure(18 + first);
        canvas.text(canvas.bold, 12, PdfCanvas.INK, canvas.left(), canvas.y() - 11, section.title());
        canvas.down(18);
        if (section.rows().isEmpty()) {
            canvas.text(canvas.regular, 9, PdfCanvas.MUTED, canvas.left(), canvas.y() - 9, "No data for this period.");
            canvas.down(22);
            return;
        }
        switch (section.layout()) {
            case TILES -> tiles(canvas, section);
            case CHART -> chart(canvas, section.chart());
            case TABLE -> table(canvas, section);
        }
        canvas.down(14);
    }

    /** Column 1 the label, column 2 the value, column 3 the previous value, the last column the change. */
    private static void tiles(PdfCanvas canvas, ReportSection section) throws IOException {
        float w = (canvas.width() - (TILES_PER_ROW - 1) * GAP) / TILES_PER_ROW;
        int n = 0;
        for (List<Cell> row : section.rows()) {
            if (n % TILES_PER_ROW == 0) {
                if (n > 0) {
                    canvas.down(TILE_HEIGHT + GAP);
                }
                canvas.ensure(TILE_HEIGHT);
            }
            float x = canvas.left() + (n % TILES_PER_ROW) * (w + GAP);
            float top = canvas.y();
            canvas.box(x, top, w, TILE_HEIGHT, TILE, LINE);
            canvas.text(canvas.regular, 8, PdfCanvas.MUTED, x + 7, top - 13,
                    canvas.fit(canvas.regular, 8, FigureText.cell(row.get(0)), w - 14));
            canvas.text(canvas.regular, 16, PdfCanvas.INK, x + 7, top - 33,
                    canvas.fit(canvas.regular, 16, FigureText.cell(row.get(1)), w - 14));
            List<String> detail = new ArrayList<>();
            if (row.size() > 3) {
                detail.add("previous " + FigureText.cell(row.get(2)));
            }
            if (row.size() > 2) {
                Cell change = row.get(row.size() - 1);
                detail.add(change.type() == Cell.Type.PERCENT ? "change " + FigureText.change((Double) change.value())
                        : FigureText.cell(change));
            }
            canvas.text(canvas.regular, 7.5f, PdfCanvas.MUTED, x + 7, top - 48,
                    canvas.fit(canvas.regular, 7.5f, String.join(" · ", detail), w - 14));
            n++;
        }
        canvas.down(TILE_HEIGHT);
    }

    private static void chart(PdfCanvas canvas, TrendChart chart) throws IOException {
        canvas.ensure(CHART_HEIGHT);
        BufferedImage image = TrendChartPainter.paint(chart, Math.round(canvas.width()), Math.round(CHART_HEIGHT), 2);
        PDImageXObject xobject = FlateImage.of(canvas.document, image);
        canvas.image(xobject, canvas.left(), canvas.y(), canvas.width(), CHART_HEIGHT);
        canvas.down(CHART_HEIGHT);
    }

    private static void table(PdfCanvas canvas, ReportSection section) throws IOException {
        float[] widths = columnWidths(canvas, section);
        List<List<String>> headerLines = headerLines(canvas, section, widths);
        int headerHeight = headerLines.stream().mapToInt(List::size).max().orElse(1);
        drawHeader(canvas, section, widths, headerLines, headerHeight);
        int r = 0;
        for (List<Cell> row : section.rows()) {
            if (canvas.ensure(ROW)) {
                drawHeader(canvas, section, widths, headerLines, headerHeight);
            }
            float top = canvas.y();
            if (r++ % 2 == 1) {
                canvas.box(canvas.left(), top, canvas.width(), ROW, STRIPE, null);
            }
            float x = canvas.left();
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                String text = canvas.fit(canvas.regular, TABLE_TEXT, FigureText.cell(cell), widths[c] - 6);
                if (cell.type() == Cell.Type.TEXT) {
                    canvas.text(canvas.regular, TABLE_TEXT, PdfCanvas.INK, x + 3, top - 9.5f, text);
                } else {
                    canvas.textRight(canvas.regular, TABLE_TEXT, PdfCanvas.INK, x + widths[c] - 3, top - 9.5f, text);
                }
                x += widths[c];
            }
            canvas.down(ROW);
        }
    }

    private static void drawHeader(PdfCanvas canvas, ReportSection section, float[] widths, List<List<String>> lines,
            int height) throws IOException {
        float h = height * 9 + 6;
        canvas.ensure(h + ROW);
        float top = canvas.y();
        canvas.box(canvas.left(), top, canvas.width(), h, TILE, null);
        float x = canvas.left();
        for (int c = 0; c < widths.length; c++) {
            boolean text = section.rows().get(0).get(c).type() == Cell.Type.TEXT;
            for (int l = 0; l < lines.get(c).size(); l++) {
                float baseline = top - 9 - l * 9;
                if (text) {
                    canvas.text(canvas.bold, 7, PdfCanvas.INK, x + 3, baseline, lines.get(c).get(l));
                } else {
                    canvas.textRight(canvas.bold, 7, PdfCanvas.INK, x + widths[c] - 3, baseline, lines.get(c).get(l));
                }
            }
            x += widths[c];
        }
        canvas.down(h);
    }

    /**
     * Natural widths (widest value, longest header word). When the page is too narrow, the widest
     * text columns give way first (a post's text, a link), so that short ones (account, platform) stay whole.
     */
    private static float[] columnWidths(PdfCanvas canvas, ReportSection section) throws IOException {
        int n = section.columns().size();
        float[] widths = new float[n];
        List<Integer> textColumns = new ArrayList<>();
        float fixed = 0;
        for (int c = 0; c < n; c++) {
            for (String word : section.columns().get(c).split(" ")) {
                widths[c] = Math.max(widths[c], canvas.width(canvas.bold, 7, word) + 6);
            }
            for (List<Cell> row : section.rows()) {
                widths[c] = Math.max(widths[c], Math.min(320, canvas.width(canvas.regular, TABLE_TEXT, FigureText.cell(row.get(c))) + 6));
            }
            if (section.rows().get(0).get(c).type() == Cell.Type.TEXT) {
                textColumns.add(c);
            } else {
                fixed += widths[c];
            }
        }
        float total = fixed;
        for (int c : textColumns) {
            total += widths[c];
        }
        if (total <= canvas.width()) {
            return widths;
        }
        float budget = canvas.width() - fixed;
        if (budget < 40 * textColumns.size()) { // too many number columns: squeeze everything alike
            for (int c = 0; c < n; c++) {
                widths[c] *= canvas.width() / total;
            }
            return widths;
        }
        // Water-filling: the narrowest text columns keep their width while the budget lasts, the rest share what is left.
        textColumns.sort((a, b) -> Float.compare(widths[a], widths[b]));
        int left = textColumns.size();
        for (int c : textColumns) {
            float share = budget / left;
            if (widths[c] > share) {
                widths[c] = share;
            }
            budget -= widths[c];
            left--;
        }
        return widths;
    }

    /** Each header cut into lines that fit its column. */
    private static List<List<String>> headerLines(PdfCanvas canvas, ReportSection section, float[] widths) throws IOException {
        List<List<String>> all = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : section.columns().get(c).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && canvas.width(canvas.bold, 7, candidate) > widths[c] - 6) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            all.add(lines);
        }
        return all;
    }

    private static void footers(PDDocument document, Report report) throws IOException {
        int pages = document.getNumberOfPages();
        PDFont footerFont = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String text = "Practice Pulse · " + report.dashboard().title() + " · " + report.period().from() + " to "
                        + report.period().to() + " · page " + (i + 1) + " of " + pages;
                content.beginText();
                content.setFont(footerFont, 7);
                content.setNonStrokingColor(PdfCanvas.MUTED);
                content.newLineAtOffset(PdfCanvas.MARGIN, 20);
                content.showText(text);
                content.endText();
            }
        }
    }

    private static byte[] loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the PDFBox jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
