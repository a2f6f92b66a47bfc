package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.Map;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;

import jakarta.enterprise.context.ApplicationScoped;

/** The generic account CSV ({@link GenericLayout#ACCOUNT_DAYS}): followers and profile figures per day. */
@ApplicationScoped
public class GenericAccountDaysFormat implements ExportFormat {

    @Override
    public String id() {
        return "generic-account-days";
    }

    @Override
    public boolean detect(ExportFile file) {
        return GenericCsv.detect(file, GenericLayout.ACCOUNT_DAYS);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GenericCsv.read(file, sink, GenericLayout.ACCOUNT_DAYS, (c, line, row) -> {
            String platform = GenericCsv.platformSlug(GenericCsv.required(c, row, "platform"));
            String account = GenericCsv.optional(c, row, "account");
            sink.accountDay(new AccountDayRow(platform, account == null ? platform : account.replaceFirst("^@", ""),
                    GenericCsv.date(GenericCsv.required(c, row, "date"), "date"), GenericCsv.count(c, row, "followers"),
                    null, null, GenericCsv.count(c, row, "profile_visits"), GenericCsv.count(c, row, "website_clicks"),
                    null, null, null, null, null, null, Map.of()));
        });
    }
}
