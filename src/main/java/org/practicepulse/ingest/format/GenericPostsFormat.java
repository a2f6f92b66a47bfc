package org.practicepulse.ingest.format;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.PostRow;

import jakarta.enterprise.context.ApplicationScoped;

/** The generic post CSV ({@link GenericLayout#POSTS}): one row per post with its lifetime counters. */
@ApplicationScoped
public class GenericPostsFormat implements ExportFormat {

    @Override
    public String id() {
        return "generic-posts";
    }

    @Override
    public boolean detect(ExportFile file) {
        return GenericCsv.detect(file, GenericLayout.POSTS);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GenericCsv.read(file, sink, GenericLayout.POSTS, (c, line, row) -> sink.post(toPost(file, c, row)));
    }

    private static PostRow toPost(ExportFile file, CsvColumns c, CSVRecord row) {
        String platform = GenericCsv.platformSlug(GenericCsv.required(c, row, "platform"));
        String account = GenericCsv.optional(c, row, "account");
        Instant published = GenericCsv.instant(GenericCsv.required(c, row, "published_at"), "published_at", file.practiceZone());
        String asOf = GenericCsv.optional(c, row, "as_of");
        Long likes = GenericCsv.count(c, row, "likes");
        Long comments = GenericCsv.count(c, row, "comments");
        Long shares = GenericCsv.count(c, row, "shares");
        Long saves = GenericCsv.count(c, row, "saves");
        Long clicks = GenericCsv.count(c, row, "clicks");
        PostCounters counters = new PostCounters(GenericCsv.count(c, row, "impressions"), GenericCsv.count(c, row, "reach"),
                engagements(likes, comments, shares, saves, clicks), likes, comments, shares, saves, clicks, null,
                GenericCsv.count(c, row, "video_views"), null, GenericCsv.count(c, row, "follows"));
        return new PostRow(platform, account == null ? platform : account.replaceFirst("^@", ""),
                GenericCsv.required(c, row, "post_id"), published, GenericCsv.optional(c, row, "text"),
                GenericCsv.optional(c, row, "permalink"), null,
                asOf == null ? file.exportDate() : GenericCsv.date(asOf, "as_of"), counters, Map.of());
    }

    /** Likes + comments + shares + saves + clicks; null when the row reports none of them. */
    private static Long engagements(Long... parts) {
        Long sum = null;
        for (Long part : parts) {
            if (part != null) {
                sum = (sum == null ? 0 : sum) + part;
            }
        }
        return sum;
    }
}
