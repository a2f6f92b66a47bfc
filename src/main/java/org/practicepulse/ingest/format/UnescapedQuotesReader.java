package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Repairs CSV whose writer quotes every field but does not double the quotes inside them, as
 * TikTok Studio does with video titles ({@code "Dr. O's "3 questions" to ask",...}): a quote inside
 * a quoted field ends it only when a comma or a line end follows; any other quote is text and is
 * passed on doubled, so that an RFC 4180 parser reads it. Well-formed CSV passes unchanged, and
 * line ends are never added or removed, so line numbers stay exact. What cannot be told apart: an
 * unescaped quote right before a comma or a line break inside the text ends the field there (the
 * row then has too many fields and is rejected).
 */
final class UnescapedQuotesReader extends Reader {

    private static final int COMPACT_AT = 1 << 14;

    private final PushbackReader in;
    private final StringBuilder out = new StringBuilder();
    private int outPos;
    private boolean inQuotes;
    private boolean fieldStart = true;

    UnescapedQuotesReader(Reader in) {
        this.in = new PushbackReader(in, 2);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (out.length() - outPos < length && step()) {
            // fill
        }
        int n = Math.min(length, out.length() - outPos);
        if (n == 0) {
            return -1;
        }
        out.getChars(outPos, outPos + n, buffer, offset);
        outPos += n;
        if (outPos >= COMPACT_AT) {
            out.delete(0, outPos);
            outPos = 0;
        }
        return n;
    }

    /** Passes on one character (or one quote decision); false at the end of the input. */
    private boolean step() throws IOException {
        int c = in.read();
        if (c < 0) {
            return false;
        }
        if (!inQuotes) {
            if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',' || c == '\n' || c == '\r';
            }
            out.append((char) c);
            return true;
        }
        if (c != '"') {
            out.append((char) c);
            return true;
        }
        int next = in.read();
        if (endsField(next)) {
            closeField(next, "\"");
        } else if (next == '"') {
            int after = in.read();
            if (endsField(after)) {
                closeField(after, "\"\"\""); // text ending in an unescaped quote: "... "word"",
            } else {
                out.append("\"\""); // an escaped quote, as RFC 4180 writes it
                unread(after);
            }
        } else {
            out.append("\"\""); // a stray quote inside the text
            unread(next);
        }
        return true;
    }

    private void closeField(int following, String quotes) throws IOException {
        out.append(quotes);
        inQuotes = false;
        unread(following);
    }

    private static boolean endsField(int c) {
        return c < 0 || c == ',' || c == '\r' || c == '\n';
    }

    private void unread(int c) throws IOException {
        if (c >= 0) {
            in.unread(c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
