package org.practicepulse.report;

import java.util.List;

/**
 * Contributes sections to the dashboards it belongs to. Providers are CDI beans found at start-up:
 * a new panel (the reputation summary, the risk overview) is one new class implementing this,
 * nothing else changes.
 */
public interface SectionProvider {

    /** Position among the other providers' sections: lower comes first. */
    int order();

    boolean contributesTo(Dashboard dashboard);

    /** The sections of this report; empty to add nothing. */
    List<ReportSection> sections(ReportContext context);
}
