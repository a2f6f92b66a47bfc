package org.practicepulse.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.practicepulse.analytics.MetricFigures;
import org.practicepulse.analytics.MetricsService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One row per social account of the practice (the practice's own and the clinicians'), each with
 * the figures /api/metrics/summary?account= gives for it.
 */
@ApplicationScoped
public class AccountsSection implements SectionProvider {

    private static final String ACCOUNTS = """
            select id, platform, handle, display_name, clinician from social_account
            where practice_id = ? order by platform, lower(handle)
            """;

    private record Account(long id, String platform, String handle, String displayName, String clinician) {
    }

    @Inject
    DataSource dataSource;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return dashboard == Dashboard.LEADERSHIP;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Account account : accounts(context.practice().id)) {
            MetricsService.Summary summary = context.accountSummary(account.id(), account.handle());
            MetricFigures f = summary.figures();
            rows.add(List.of(Cell.text(account.platform()), Cell.text(account.handle()), Cell.text(account.displayName()),
                    Cell.text(account.clinician()), Cell.integer(f.posts()), Cell.integer(f.impressions()),
                    Cell.integer(f.engagements()), Cell.percent(f.engagementRate().value()), Cell.integer(f.clicks()),
                    Cell.integer(f.followers()), Cell.integer(f.followersGained()),
                    Cell.percent(summary.change().get("impressions"))));
        }
        List<String> columns = List.of("Platform", "Account", "Name", "Clinician", "Posts", "Impressions", "Engagements",
                "Engagement rate", "Link clicks", "Followers", "Net follower growth", "Impressions change");
        return List.of(ReportSection.table("Accounts", columns, rows));
    }

    private List<Account> accounts(long practiceId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(ACCOUNTS)) {
            st.setLong(1, practiceId);
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new Account(rs.getLong("id"), rs.getString("platform"), rs.getString("handle"),
                            rs.getString("display_name"), rs.getString("clinician")));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("accounts query failed", e);
        }
    }
}
