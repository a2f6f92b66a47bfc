package org.practicepulse.report;

import java.io.IOException;

/** Writes a report in one file format. */
public interface ReportWriter {

    ReportFormat format();

    ReportFile write(Report report) throws IOException;
}
