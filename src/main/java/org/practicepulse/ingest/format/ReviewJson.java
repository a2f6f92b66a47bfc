package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.UnreadableFileException;

/**
 * Reads the reviews of a JSON review export, streaming, whatever its shape: a list response
 * ({@code {"reviews": [...], ...}}), a bare array of reviews, one review, or NDJSON (one review object
 * per line, the Yelp Open Dataset). Only one review at a time is held in memory, and the parser is
 * bounded (nesting depth, string length) so that a hostile or broken file fails with a reason
 * instead of exhausting the stack or the heap.
 */
final class ReviewJson {

    static final int MAX_NESTING_DEPTH = 1000;
    static final int MAX_STRING_LENGTH = 10_000_000;

    private static final ObjectMapper BOUNDED = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build()).build();

    /** What a format does with each review object; throws {@link RowRejectedException} for one it cannot read. */
    @FunctionalInterface
    interface ReviewReader {
        void read(long line, JsonNode review);
    }

    private ReviewJson() {
    }

    /** The start of the file as one text when it is JSON (starts with { or [), else "": what detection looks at. */
    static String head(ExportFile file) {
        if (file.kind() != ExportFile.Kind.TEXT) {
            return "";
        }
        String head = String.join("\n", file.headLines()).stripLeading();
        return head.startsWith("{") || head.startsWith("[") ? head : "";
    }

    /** True when the head has every one of these keys ({@code "key":}). */
    static boolean hasKeys(String head, String... keys) {
        for (String key : keys) {
            if (!Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(head).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands every review object to the reader. A review the reader rejects is rejected with the line it
     * starts on; JSON that breaks mid-way rejects the rest of the file from that line (like a CSV with an
     * unterminated quote); JSON beyond the parser's bounds makes the whole file unreadable.
     */
    static void forEach(ExportFile file, ImportSink sink, String listField, ReviewReader reader) throws IOException {
        try (Reader in = file.openReader(); JsonParser parser = BOUNDED.createParser(in)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_ARRAY) {
                        readArray(parser, sink, reader);
                    } else if (token == JsonToken.START_OBJECT) {
                        readRootObject(parser, sink, listField, reader);
                    } else {
                        throw new UnreadableFileException("the JSON holds " + token.asString() + " where review objects were expected");
                    }
                }
            } catch (StreamConstraintsException e) {
                throw new UnreadableFileException("the JSON is beyond the importer's limits (" + e.getOriginalMessage()
                        + "); nothing was imported");
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? parser.currentLocation().getLineNr() : e.getLocation().getLineNr();
                sink.reject(Math.max(line, 1), "malformed JSON from this line on (" + CellValues.abbreviate(e.getOriginalMessage())
                        + "); the rest of the file was not read");
            }
        }
    }

    /** At a root object: a list response when it holds the list field, else a review itself (NDJSON, single review). */
    private static void readRootObject(JsonParser parser, ImportSink sink, String listField, ReviewReader reader)
            throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        ObjectNode fields = BOUNDED.createObjectNode();
        boolean list = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(listField) && value == JsonToken.START_ARRAY) {
                list = true;
                readArray(parser, sink, reader);
            } else {
                fields.set(name, BOUNDED.readTree(parser));
            }
        }
        if (!list) {
            read(line, fields, sink, reader);
        }
    }

    private static void readArray(JsonParser parser, ImportSink sink, ReviewReader reader) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            long line = parser.currentTokenLocation().getLineNr();
            if (token == JsonToken.START_OBJECT) {
                read(line, BOUNDED.readTree(parser), sink, reader);
            } else {
                parser.skipChildren();
                sink.reject(line, "a list element is " + (token == JsonToken.START_ARRAY ? "an array" : token.asString())
                        + ", not a review object");
            }
        }
    }

    private static void read(long line, JsonNode review, ImportSink sink, ReviewReader reader) {
        try {
            reader.read(line, review);
        } catch (RowRejectedException e) {
            sink.reject(line, e.getMessage());
        }
    }

    /** The text at this path of the object, stripped; null when missing, JSON null or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode value = node;
        for (String field : path) {
            value = value == null ? null : value.get(field);
        }
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        if (text.indexOf('\0') >= 0) {
            throw new RowRejectedException(String.join(".", path) + " holds NUL characters (binary data, not text)");
        }
        return text.isBlank() ? null : text.strip();
    }

    /** Like {@link #text}, but a missing value rejects the review. */
    static String required(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            throw new RowRejectedException(String.join(".", path) + " is missing");
        }
        return value;
    }
}
