package org.practicepulse.report;

/** A written report: its download name, media type and bytes. */
public record ReportFile(String name, String contentType, byte[] bytes) {
}
