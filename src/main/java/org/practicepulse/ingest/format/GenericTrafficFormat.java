package org.practicepulse.ingest.format;

import java.io.IOException;
import java.math.BigDecimal;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.TrafficRow;

import jakarta.enterprise.context.ApplicationScoped;

/** The generic web-traffic CSV ({@link GenericLayout#TRAFFIC}) for any analytics tool. */
@ApplicationScoped
public class GenericTrafficFormat implements ExportFormat {

    @Override
    public String id() {
        return "generic-traffic";
    }

    @Override
    public boolean detect(ExportFile file) {
        return GenericCsv.detect(file, GenericLayout.TRAFFIC);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GenericCsv.read(file, sink, GenericLayout.TRAFFIC, (c, line, row) -> {
            BigDecimal conversions = CellValues.decimal(c.cell(row, "conversions"), "conversions");
            if (conversions != null && conversions.signum() < 0) {
                throw new RowRejectedException("conversions: " + conversions + " is negative");
            }
            String medium = GenericCsv.optional(c, row, "medium");
            sink.traffic(new TrafficRow(GenericCsv.date(GenericCsv.required(c, row, "date"), "date"),
                    GenericCsv.required(c, row, "source"), medium == null ? "" : medium, "",
                    GenericCsv.count(c, row, "sessions"), conversions));
        });
    }
}
