package org.practicepulse.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text whose UTF-8 bytes were once decoded as Windows-1252 and saved again ("âœ¨ðŸ§¡" for "✨🧡",
 * "pÃ¥" for "på"), as in re-saved Google review exports. Each run of non-ASCII characters is turned
 * back into the bytes Windows-1252 read and kept only when those bytes are valid UTF-8: genuine
 * Latin-1 text ("Café", "naïve", a lone "‹") is never touched, since its bytes are not.
 */
final class DoubleEncodedText {

    /** Windows-1252 0x80–0x9F; the five undefined bytes come through as the C1 controls of the same value. */
    private static final String WINDOWS_1252_80_TO_9F =
            "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
                    + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    private DoubleEncodedText() {
    }

    /** The repaired text, or the text itself when nothing in it is double-encoded (or null). */
    static String repair(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) < 0x80) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) >= 0x80) {
                end++;
            }
            String run = text.substring(i, end);
            String decoded = decode(run);
            if (decoded != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(decoded != null ? decoded : run);
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    /** The run's Windows-1252 bytes read as UTF-8; null when it holds other characters or the bytes are not UTF-8. */
    private static String decode(String run) {
        byte[] bytes = new byte[run.length()];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= 0xA0 && c <= 0xFF) {
                bytes[i] = (byte) c;
            } else {
                int index = WINDOWS_1252_80_TO_9F.indexOf(c);
                if (index < 0) {
                    return null;
                }
                bytes[i] = (byte) (0x80 + index);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
