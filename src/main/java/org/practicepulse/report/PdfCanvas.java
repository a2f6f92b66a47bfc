package org.practicepulse.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Pages of one PDF (US Letter, landscape) with a cursor that moves down the page: text that the
 * fonts can draw, boxes and images, a new page when the next block does not fit.
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
    static final float MARGIN = 36;
    static final float FOOTER = 18;
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);

    final PDDocument document;
    /** Liberation Sans (shipped in the PDFBox jar), embedded as a subset: untrusted text in any Latin, Greek or Cyrillic script. */
    final PDFont regular;
    /** Helvetica Bold, one of the standard 14 fonts: our own headings (WinAnsi characters only). */
    final PDFont bold;
    /** Per font, each code point seen: its width (1/1000 of the font size), NaN when the font cannot draw it. */
    private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfCanvas(PDDocument document, byte[] regularFont) throws IOException {
        this.document = document;
        this.regular = PDType0Font.load(document, new ByteArrayInputStream(regularFont), true);
        this.bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    float left() {
        return MARGIN;
    }

    /** The cursor: the top of the next block. */
    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless a block of this height fits below the cursor. */
    boolean ensure(float height) throws IOException {
        if (content == null || y - height < MARGIN + FOOTER) {
            newPage();
            return true;
        }
        return false;
    }

    void text(PDFont font, float size, Color color, float x, float baseline, String text) throws IOException {
        String printable = printable(font, text);
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(printable);
        content.endText();
    }

    /** Text right-aligned at x. */
    void textRight(PDFont font, float size, Color color, float right, float baseline, String text) throws IOException {
        String printable = printable(font, text);
        text(font, size, color, right - width(font, size, printable), baseline, printable);
    }

    float width(PDFont font, float size, String text) throws IOException {
        return units(font, printable(font, text)) / 1000f * size;
    }

    /**
     * The text cut with an ellipsis to fit the width. Linear in the text's length: each code
     * point's width is looked up once (a post of 600 characters cut to a 40-point column used to
     * be measured again for every character removed).
     */
    String fit(PDFont font, float size, String text, float maxWidth) throws IOException {
        String printable = printable(font, text);
        float max = maxWidth * 1000f / size; // in glyph-space units
        // The tolerance absorbs float rounding: a column sized to its widest value (width(...) + padding) must hold it whole.
        if (units(font, printable) <= max + 0.5f) {
            return printable;
        }
        String ellipsis = printable(font, "…").equals("…") ? "…" : "...";
        float room = max - units(font, ellipsis);
        float used = 0;
        int end = 0;
        while (end < printable.length()) {
            int cp = printable.codePointAt(end);
            float w = glyph(font, cp);
            if (used + w > room) {
                break;
            }
            used += w;
            end += Character.charCount(cp);
        }
        return end == 0 ? "" : printable.substring(0, end).stripTrailing() + ellipsis;
    }

    /** Σ glyph widths of printable text, in 1/1000 of the font size (PDFont.getStringWidth's unit; no kerning either way). */
    private float units(PDFont font, String printable) throws IOException {
        float sum = 0;
        for (int i = 0; i < printable.length();) {
            int cp = printable.codePointAt(i);
            sum += glyph(font, cp);
            i += Character.charCount(cp);
        }
        return sum;
    }

    /** The width of one code point the font can draw (see {@link #printable}), measured once per document and font. */
    private float glyph(PDFont font, int codePoint) throws IOException {
        Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new HashMap<>());
        Float w = known.get(codePoint);
        if (w == null) {
            w = canDraw(font, codePoint) ? font.getStringWidth(new String(Character.toChars(codePoint))) : Float.NaN;
            known.put(codePoint, w);
        }
        return w;
    }

    void box(float x, float top, float w, float h, Color fill, Color stroke) throws IOException {
        content.addRect(x, top - h, w, h);
        if (fill != null && stroke != null) {
            content.setNonStrokingColor(fill);
            content.setStrokingColor(stroke);
            content.fillAndStroke();
        } else if (fill != null) {
            content.setNonStrokingColor(fill);
            content.fill();
        } else {
            content.setStrokingColor(stroke);
            content.stroke();
        }
    }

    void image(PDImageXObject image, float x, float top, float w, float h) throws IOException {
        content.drawImage(image, x, top - h, w, h);
    }

    /**
     * Line breaks and tabs become spaces; a letter or digit the font cannot draw becomes '?', any
     * other such character (emoji, their variation selectors) is left out.
     */
    String printable(PDFont font, String text) throws IOException {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (!Float.isNaN(glyph(font, cp))) {
                out.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                out.append('?');
            }
        }
        return out.toString();
    }

    private static boolean canDraw(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
