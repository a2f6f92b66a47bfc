package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.ReviewRow;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Trustpilot Business review export (CSV): {@code Review Created (UTC), Review ID, Review Stars,
 * Review Title, Review Content, Review Username, Location Name, Company Response, Company Reply Date
 * (UTC)…}. Column names vary between export versions ({@code Review Id}/{@code Review ID},
 * {@code Company Response}/{@code Reply Content}, {@code Company}/{@code Business Reply Date (UTC)}) and
 * are matched case-insensitively. Times are UTC. The export has no review link; it is made from the id
 * ({@code https://www.trustpilot.com/reviews/<id>}, Trustpilot's own review URL).
 */
@ApplicationScoped
public class TrustpilotReviewsFormat implements ExportFormat {

    public static final String ID = "trustpilot-reviews";
    public static final String SITE = "trustpilot";

    private static final String[] CREATED = { "review created (utc)", "review created" };
    private static final String[] REVIEW_ID = { "review id" };
    private static final String[] STARS = { "review stars" };
    private static final String[] REPLY = { "company response", "reply content", "company reply" };
    private static final String[] REPLY_DATE = { "company reply date (utc)", "business reply date (utc)", "reply date (utc)" };

    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, List.of(
            Column.key("Review Created (UTC)", CREATED), Column.key("Review ID", REVIEW_ID), Column.key("Review Stars", STARS),
            Column.expected("Review Title"), Column.expected("Review Content"), Column.expected("Review Username"),
            Column.expected("Location Name"), Column.expected("Company Response", REPLY),
            Column.expected("Company Reply Date (UTC)", REPLY_DATE),
            Column.optional("Review Consumer User Id"), Column.optional("Review Language"), Column.optional("Source Of Review"),
            Column.optional("Reference Id"), Column.optional("Domain URL"), Column.optional("Webshop Name"),
            Column.optional("Business Unit Id"), Column.optional("Review Verification Level"), Column.optional("Review Label")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        if (file.kind() != ExportFile.Kind.TEXT) {
            return false;
        }
        CsvColumns header = CsvColumns.fromLine(file.firstLine());
        return SCHEMA.recognises(header);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        CsvColumns[] columns = new CsvColumns[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    return;
                }
                sink.review(toReview(columns[0], record));
            });
        }
    }

    private static ReviewRow toReview(CsvColumns c, CSVRecord row) {
        CsvColumns.requireWidth(c, row);
        String id = text(c, row, REVIEW_ID);
        if (id == null) {
            throw new RowRejectedException("Review ID is empty");
        }
        String created = text(c, row, CREATED);
        if (created == null) {
            throw new RowRejectedException("Review Created (UTC) is empty");
        }
        String reply = text(c, row, REPLY);
        String replyDate = text(c, row, REPLY_DATE);
        Instant repliedAt = replyDate == null ? null : GenericCsv.instant(replyDate, "Company Reply Date (UTC)", ZoneOffset.UTC);
        return new ReviewRow(SITE, id, text(c, row, "location name"), null, StarRating.of(c.cell(row, STARS), "Review Stars"),
                text(c, row, "review title"), text(c, row, "review content"), null, text(c, row, "review username"),
                GenericCsv.instant(created, "Review Created (UTC)", ZoneOffset.UTC), null,
                reply, reply == null ? null : repliedAt, false, "https://www.trustpilot.com/reviews/" + id);
    }

    private static String text(CsvColumns c, CSVRecord row, String... aliases) {
        String value = c.cell(row, aliases);
        return CellValues.isEmpty(value) ? null : value.strip();
    }
}
