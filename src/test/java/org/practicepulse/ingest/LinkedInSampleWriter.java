package org.practicepulse.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the LinkedIn Page analytics samples of the demo practice, Lakeside Family Medicine
 * (invented content, August to mid-November 2026), in the layout LinkedIn exports: the content
 * export with its description rows, the followers and the visitors export. The figures come from
 * a fixed seed, so an .xls and an .xlsx written with the same arguments hold the same values.
 * Run {@code main} from the project folder to regenerate the committed files (the values come out
 * the same; the bytes of the .xlsx differ, as it records when it was written):
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.practicepulse.ingest.LinkedInSampleWriter
 * </pre>
 */
public final class LinkedInSampleWriter {

    public static final String PAGE = "lakeside-family-medicine";
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 15);
    /** When the exports were downloaded: their file names carry it in milliseconds. */
    public static final Instant EXPORTED = Instant.parse("2026-11-16T15:42:07.318Z");
    public static final Path SAMPLES = Path.of("import-samples", PAGE, "linkedin");

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final LocalDate CAMPAIGN_START = LocalDate.of(2026, 9, 15);
    private static final LocalDate CAMPAIGN_END = LocalDate.of(2026, 10, 15);

    /** How the dates of a workbook are written. */
    public enum Dates {
        /** "08/31/2026" text cells, as LinkedIn's .xls files have them. */
        TEXT,
        /** Date cells with an mm/dd/yyyy format. */
        DATE_CELLS
    }

    private LinkedInSampleWriter() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(SAMPLES);
        writeContent(SAMPLES.resolve(fileName("content", "xls")), false, Dates.TEXT);
        writeFollowers(SAMPLES.resolve(fileName("followers", "xls")), false, Dates.TEXT);
        writeVisitors(SAMPLES.resolve(fileName("visitors", "xlsx")), true, Dates.DATE_CELLS);
        Path fixtures = Path.of("src", "test", "resources", "fixtures", "linkedin");
        Files.createDirectories(fixtures);
        writeContentWithBadRows(fixtures.resolve("linkedin-content-with-bad-rows.xls"));
    }

    /** The name LinkedIn gives the download, e.g. lakeside-family-medicine_content_1794843727318.xls. */
    public static String fileName(String export, String extension) {
        return PAGE + "_" + export + "_" + EXPORTED.toEpochMilli() + "." + extension;
    }

    // ---------------------------------------------------------------- content

    private record Post(LocalDate created, String postedBy, String contentType, boolean sponsored, int reach, String text) {
    }

    private static final List<Post> POSTS = List.of(
            new Post(LocalDate.of(2026, 8, 4), "Jordan Ellis", null, false, 1450,
                    "Please join us in welcoming Dr. Daniel Reyes to Lakeside Family Medicine! Dr. Reyes joins us from his residency at the University of Wisconsin and is now accepting new patients of all ages."),
            new Post(LocalDate.of(2026, 8, 6), "Jordan Ellis", null, false, 880,
                    "Back-to-school and sports physicals are open on Saturday mornings through August 29. Book online or call 555-0142."),
            new Post(LocalDate.of(2026, 8, 11), "Priya Natarajan", null, false, 2310,
                    "We're hiring: a full-time Certified Medical Assistant to join our friendly team. Competitive pay, weekday hours, tuition support. Apply on our Jobs page."),
            new Post(LocalDate.of(2026, 8, 13), "Dr. Maya Okafor", "Article", false, 1120,
                    "Five small habits that lower your risk of type 2 diabetes (and none of them is a fad diet)"),
            new Post(LocalDate.of(2026, 8, 18), "Jordan Ellis", "Video", false, 1640,
                    "August is National Immunization Awareness Month. 💉 Dr. Okafor answers the three vaccine questions parents ask us most."),
            new Post(LocalDate.of(2026, 8, 20), "Jordan Ellis", "Document", false, 760,
                    "New to our patient portal? This two-page guide shows how to message your care team, see lab results and request refills."),
            new Post(LocalDate.of(2026, 8, 25), "Jordan Ellis", null, false, 930,
                    "Starting September 1 we're open until 7 pm on Tuesdays and Thursdays, so you can see your doctor after work."),
            new Post(LocalDate.of(2026, 8, 31), "Jordan Ellis", null, false, 1880,
                    "Thank you to everyone who came to the Lakeside Community Health Fair on Saturday!\nOur nurses did more than 120 free blood pressure checks."),
            new Post(LocalDate.of(2026, 9, 3), "Jordan Ellis", null, false, 1310,
                    "Flu vaccines have arrived. Walk-in flu clinics start September 19; dates and times on our website."),
            new Post(LocalDate.of(2026, 9, 9), "Priya Natarajan", null, false, 990,
                    "Staff spotlight: meet Rosa, our lead nurse, who has cared for Lakeside families for 14 years."),
            new Post(LocalDate.of(2026, 9, 15), "Jordan Ellis", null, true, 5200,
                    "Saturday walk-in flu clinics, September 19 to October 17. No appointment needed; most insurance accepted."),
            new Post(LocalDate.of(2026, 9, 17), "Dr. Daniel Reyes", "Video", false, 1570,
                    "Desk job and a sore back? Dr. Reyes shows three stretches you can do in two minutes between meetings."),
            new Post(LocalDate.of(2026, 9, 23), "Jordan Ellis", null, false, 820,
                    "Falls are the leading cause of injury for adults over 65. Ask about a free balance check at your next visit."),
            new Post(LocalDate.of(2026, 9, 29), "Jordan Ellis", null, false, 1050,
                    "World Heart Day: know your numbers. Drop in for a free blood pressure check any weekday, 9 to 11 am."),
            new Post(LocalDate.of(2026, 10, 1), "Dr. Maya Okafor", null, false, 1760,
                    "October is Breast Cancer Awareness Month. Most women 40 and older should talk with their doctor about screening mammograms. 🎀"),
            new Post(LocalDate.of(2026, 10, 7), "Dr. Maya Okafor", "Article", false, 1240,
                    "When to worry about your child's fever: a pediatric checklist from Dr. Okafor"),
            new Post(LocalDate.of(2026, 10, 13), "Jordan Ellis", "Document", false, 940,
                    "Medicare open enrollment runs October 15 to December 7. Our one-page checklist helps you compare plans."),
            new Post(LocalDate.of(2026, 10, 16), "Jordan Ellis", null, false, 1190,
                    "Our Saturday flu clinics have given 640 flu shots so far. One more Saturday to go!"),
            new Post(LocalDate.of(2026, 10, 21), "Jordan Ellis", null, false, 1010,
                    "Telehealth visits are now available for follow-ups and prescription questions. Ask at the front desk or book in the portal."),
            new Post(LocalDate.of(2026, 10, 28), "Dr. Daniel Reyes", null, false, 870,
                    "Halloween tip from Dr. Reyes: let kids enjoy their candy at mealtimes, then brush. Their dentist will thank you."),
            new Post(LocalDate.of(2026, 11, 3), "Dr. Maya Okafor", null, false, 1380,
                    "November is Diabetes Awareness Month. Free A1c screenings at our Lakeside office on Saturday, November 14."),
            new Post(LocalDate.of(2026, 11, 6), "Jordan Ellis", "Video", false, 1150,
                    "Clocks went back an hour. Dr. Okafor's tips for resetting your sleep after the time change."),
            new Post(LocalDate.of(2026, 11, 10), "Jordan Ellis", null, false, 900,
                    "On Veterans Day we thank the veterans among our patients and our own team for their service."),
            new Post(LocalDate.of(2026, 11, 13), "Jordan Ellis", null, false, 640,
                    "See you tomorrow for free A1c screenings, 8 am to noon. No appointment needed."));

    /** The counters of one post, its link and how they spread over the days after it was posted. */
    private static final class PostFigures {
        final Post post;
        final String link;
        long impressions;
        long clicks;
        long likes;
        long comments;
        long reposts;
        long follows;
        Long views;
        Long offsiteViews;
        /** Per day from FIRST_DAY: [impressions, clicks, reactions, comments, reposts] organic, then the same sponsored. */
        final long[][] daily;

        PostFigures(Post post, String link, int days) {
            this.post = post;
            this.link = link;
            this.daily = new long[days][10];
        }
    }

    private static List<PostFigures> postFigures() {
        Random random = new Random(20260801L);
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        List<PostFigures> all = new ArrayList<>();
        for (Post post : POSTS) {
            long createdMillis = post.created().atTime(9 + random.nextInt(6), random.nextInt(60)).atZone(ZONE).toInstant().toEpochMilli();
            long id = createdMillis << 22 | random.nextInt(1 << 22); // LinkedIn ids start with their creation time
            String kind = "Video".equals(post.contentType()) ? "ugcPost" : "activity";
            PostFigures f = new PostFigures(post, "https://www.linkedin.com/feed/update/urn:li:" + kind + ":" + id, days);
            f.impressions = Math.round(post.reach() * (0.85 + 0.3 * random.nextDouble()));
            f.clicks = Math.round(f.impressions * (0.015 + 0.035 * random.nextDouble()));
            f.likes = Math.round(f.impressions * (0.015 + 0.025 * random.nextDouble()));
            f.comments = Math.round(f.impressions * 0.006 * random.nextDouble());
            f.reposts = Math.round(f.impressions * 0.004 * random.nextDouble());
            f.follows = post.sponsored() ? 9 : random.nextInt(4);
            if ("Video".equals(post.contentType())) {
                f.views = Math.round(f.impressions * (0.35 + 0.25 * random.nextDouble()));
                f.offsiteViews = Math.round(f.views * (0.02 + 0.06 * random.nextDouble()));
            }
            spread(f, days);
            all.add(f);
        }
        return all;
    }

    /** Shares each counter over the days after posting (most on the first days); sponsored reach over the campaign. */
    private static void spread(PostFigures f, int days) {
        int start = (int) ChronoUnit.DAYS.between(FIRST_DAY, f.post.created());
        double[] decay = { 0.42, 0.24, 0.12, 0.07, 0.05, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01 };
        long[] totals = { f.impressions, f.clicks, f.likes, f.comments, f.reposts };
        double sponsoredShare = f.post.sponsored() ? 0.7 : 0;
        int campaignStart = (int) ChronoUnit.DAYS.between(FIRST_DAY, CAMPAIGN_START);
        int campaignEnd = (int) Math.min(ChronoUnit.DAYS.between(FIRST_DAY, CAMPAIGN_END), days - 1);
        for (int k = 0; k < totals.length; k++) {
            long sponsored = Math.round(totals[k] * sponsoredShare);
            long organic = totals[k] - sponsored;
            int organicDays = Math.min(decay.length, days - start);
            long[] organicShares = shares(organic, java.util.Arrays.copyOf(decay, organicDays));
            for (int d = 0; d < organicDays; d++) {
                f.daily[start + d][k] = organicShares[d];
            }
            if (sponsored > 0) {
                double[] even = new double[campaignEnd - campaignStart + 1];
                java.util.Arrays.fill(even, 1);
                long[] sponsoredShares = shares(sponsored, even);
                for (int d = 0; d < even.length; d++) {
                    f.daily[campaignStart + d][5 + k] = sponsoredShares[d];
                }
            }
        }
    }

    /** The total cut in whole parts by weight, the remainders going to the largest fractions, so the parts add up exactly. */
    private static long[] shares(long total, double[] weights) {
        double sum = java.util.Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        double[] rest = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            rest[i] = exact - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            parts[best]++;
            rest[best] = -1;
        }
        return parts;
    }

    public static void writeContent(Path file, boolean xlsx, Dates dates) throws IOException {
        List<PostFigures> posts = postFigures();
        try (Workbook book = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Cells cells = new Cells(book, dates);
            Sheet all = book.createSheet("All posts");
            cells.description(all, 20, "All posts: Lifetime metrics of the posts created from " + US_DATE.format(FIRST_DAY) + " to "
                    + US_DATE.format(LAST_DAY) + ". Engagement rate and click through rate are shown as fractions; NA means not available.");
            cells.row(all, 1, "Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
                    "Campaign start date", "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views", "Clicks",
                    "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type");
            int r = 2;
            for (int i = posts.size() - 1; i >= 0; i--) { // newest first, as LinkedIn lists them
                PostFigures f = posts.get(i);
                Post p = f.post;
                long interactions = f.clicks + f.likes + f.comments + f.reposts + f.follows;
                cells.row(all, r++, p.text(), f.link, p.sponsored() ? "Sponsored" : "Organic",
                        p.sponsored() ? "Fall flu clinics 2026" : "-", p.postedBy(), p.created(),
                        p.sponsored() ? (Object) CAMPAIGN_START : "-", p.sponsored() ? (Object) CAMPAIGN_END : "-",
                        p.sponsored() ? "Lakeside area, 25 to 64" : "All followers", f.impressions,
                        f.views == null ? "NA" : f.views, f.offsiteViews == null ? "NA" : f.offsiteViews, f.clicks,
                        (double) f.clicks / f.impressions, f.likes, f.comments, f.reposts, f.follows,
                        (double) interactions / f.impressions, p.contentType() == null ? "" : p.contentType());
            }

            Sheet metrics = book.createSheet("Metrics");
            cells.description(metrics, 20, "Daily metrics of all posts, " + US_DATE.format(FIRST_DAY) + " to " + US_DATE.format(LAST_DAY)
                    + ". Engagement rate is shown as a fraction.");
            cells.row(metrics, 1, "Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
                    "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)", "Reactions (organic)",
                    "Reactions (sponsored)", "Reactions (total)", "Comments (organic)", "Comments (sponsored)", "Comments (total)",
                    "Reposts (organic)", "Reposts (sponsored)", "Reposts (total)", "Engagement rate (organic)",
                    "Engagement rate (sponsored)", "Engagement rate (total)");
            Random random = new Random(20260802L);
            int days = posts.get(0).daily.length;
            for (int d = 0; d < days; d++) {
                long[] day = new long[10];
                for (PostFigures f : posts) {
                    for (int k = 0; k < 10; k++) {
                        day[k] += f.daily[d][k];
                    }
                }
                // posts from before August keep being seen a little
                day[0] += 8 + random.nextInt(18);
                day[2] += random.nextInt(2);
                long uniqueOrganic = Math.round(day[0] * (0.68 + 0.1 * random.nextDouble()));
                List<Object> values = new ArrayList<>(List.of(FIRST_DAY.plusDays(d), day[0], day[5], day[0] + day[5], uniqueOrganic));
                for (int k = 1; k <= 4; k++) {
                    values.addAll(List.of(day[k], day[5 + k], day[k] + day[5 + k]));
                }
                long organicInteractions = day[1] + day[2] + day[3] + day[4];
                long sponsoredInteractions = day[6] + day[7] + day[8] + day[9];
                values.add(rate(organicInteractions, day[0]));
                values.add(rate(sponsoredInteractions, day[5]));
                values.add(rate(organicInteractions + sponsoredInteractions, day[0] + day[5]));
                cells.row(metrics, 2 + d, values.toArray());
            }
            save(book, file);
        }
    }

    private static double rate(long interactions, long impressions) {
        return impressions == 0 ? 0 : (double) interactions / impressions;
    }

    /** A content export with the faults the importer must survive; no LinkedIn file name, so its page is unknown. */
    public static void writeContentWithBadRows(Path file) throws IOException {
        try (Workbook book = new HSSFWorkbook()) {
            Cells cells = new Cells(book, Dates.TEXT);
            Sheet all = book.createSheet("All posts");
            cells.description(all, 10, "All posts: Lifetime metrics of the posts created from 10/01/2026 to 10/31/2026.");
            cells.row(all, 1, "Post title", "Post link", "Post type", "Posted by", "Created date", "Impressions", "Views", "Clicks",
                    "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type");
            String link = "https://www.linkedin.com/feed/update/urn:li:activity:";
            cells.row(all, 2, "Numbers written as text", link + "7382000000000000001", "Organic", "Jordan Ellis", "10/02/2026",
                    "1,204", "NA", "31", "NA", "2", "0", "1", "0.028", "");
            cells.row(all, 3, "Impressions are not a number", link + "7382000000000000002", "Organic", "Jordan Ellis", "10/03/2026",
                    "abc", "NA", "3", "4", "0", "0", "0", "", "");
            cells.row(all, 4, "Impossible date", link + "7382000000000000003", "Organic", "Jordan Ellis", "13/45/2026", "300", "NA",
                    "3", "4", "0", "0", "0", "", "");
            cells.row(all, 5, "No link", "", "Organic", "Jordan Ellis", "10/05/2026", "300", "NA", "3", "4", "0", "0", "0", "", "");
            cells.row(all, 6, "The first post again", link + "7382000000000000001", "Organic", "Jordan Ellis", "10/02/2026", "1204",
                    "NA", "31", "NA", "2", "0", "1", "", "");
            Row serial = all.createRow(7); // a re-saved file: the date became a plain serial number, the counts numbers
            Object[] values = { "Date as a serial number", link + "7382000000000000006", "Sponsored", "Jordan Ellis", 46313.0, 2210.0,
                    960.0, 55.0, 61.0, 7.0, 3.0, "-", 0.057, "Video" };
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Double d) {
                    serial.createCell(c).setCellValue(d);
                } else {
                    serial.createCell(c).setCellValue((String) values[c]);
                }
            }
            cells.row(all, 9, "Negative clicks", link + "7382000000000000007", "Organic", "Jordan Ellis", "10/09/2026", "500", "NA",
                    "-3", "4", "0", "0", "0", "", "");

            Sheet metrics = book.createSheet("Metrics");
            cells.description(metrics, 6, "Daily metrics of all posts, 10/01/2026 to 10/31/2026.");
            cells.row(metrics, 1, "Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)", "Clicks (total)",
                    "Reactions (total)", "Comments (total)", "Reposts (total)", "Engagement rate (total)");
            cells.row(metrics, 2, "10/02/2026", "410", "0", "410", "12", "9", "1", "0", "0.0536");
            cells.row(metrics, 3, "10/03/2026", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA");
            cells.row(metrics, 4, "Total", "410", "0", "410", "12", "9", "1", "0", "0.0536");
            save(book, file);
        }
    }

    // ---------------------------------------------------------------- followers

    public static void writeFollowers(Path file, boolean xlsx, Dates dates) throws IOException {
        Random random = new Random(20260803L);
        try (Workbook book = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Cells cells = new Cells(book, dates);
            Sheet sheet = book.createSheet("New followers");
            cells.row(sheet, 0, "Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers");
            int r = 1;
            for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                LocalDate d = day;
                boolean postDay = POSTS.stream().anyMatch(p -> p.created().equals(d) || p.created().plusDays(1).equals(d));
                boolean campaign = !day.isBefore(CAMPAIGN_START) && !day.isAfter(CAMPAIGN_END);
                long sponsored = campaign ? random.nextInt(3) : 0;
                long organic = random.nextInt(3) + (postDay ? 1 + random.nextInt(4) : 0);
                long invited = random.nextInt(14) == 0 ? 1 : 0;
                cells.row(sheet, r++, day, sponsored, organic, invited, sponsored + organic + invited);
            }
            demographics(cells, book, "Total followers", new Random(20260804L), 1.0);
            save(book, file);
        }
    }

    /** The audience breakdown sheets both exports carry (not imported; there for a faithful layout). */
    private static void demographics(Cells cells, Workbook book, String measure, Random random, double scale) {
        String[][] sheets = {
                { "Location", "Greater Milwaukee", "Greater Madison Area", "Greater Chicago Area", "Green Bay, Wisconsin",
                        "Sheboygan, Wisconsin", "Oshkosh, Wisconsin", "Minneapolis–St. Paul", "Appleton, Wisconsin" },
                { "Job function", "Healthcare Services", "Education", "Operations", "Administrative", "Sales", "Engineering",
                        "Community and Social Services", "Finance" },
                { "Seniority", "Entry", "Senior", "Manager", "Director", "Owner", "VP", "CXO", "Partner" },
                { "Industry", "Hospitals and Health Care", "Medical Practices", "Education", "Government Administration",
                        "Manufacturing", "Non-profit Organizations", "Retail", "Insurance" },
                { "Company size", "10001+", "1001-5000", "201-500", "51-200", "11-50", "5001-10000", "501-1000", "2-10" } };
        for (String[] dimension : sheets) {
            Sheet sheet = book.createSheet(dimension[0]);
            cells.row(sheet, 0, dimension[0], measure);
            long value = Math.round((180 + random.nextInt(120)) * scale);
            for (int i = 1; i < dimension.length; i++) {
                cells.row(sheet, i, dimension[i], value);
                value = Math.max(1, Math.round(value * (0.45 + 0.4 * random.nextDouble())));
            }
        }
    }

    // ---------------------------------------------------------------- visitors

    public static final String[] VISITOR_COLUMNS = visitorColumns();

    private static String[] visitorColumns() {
        List<String> names = new ArrayList<>(List.of("Date"));
        for (String section : List.of("Overview", "Life", "Jobs", "Total")) {
            for (String measure : List.of("page views", "unique visitors")) {
                for (String device : List.of("desktop", "mobile", "total")) {
                    names.add(section + " " + measure + " (" + device + ")");
                }
            }
        }
        return names.toArray(String[]::new);
    }

    public static void writeVisitors(Path file, boolean xlsx, Dates dates) throws IOException {
        Random random = new Random(20260805L);
        try (Workbook book = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Cells cells = new Cells(book, dates);
            Sheet sheet = book.createSheet("Visitor metrics");
            cells.row(sheet, 0, (Object[]) VISITOR_COLUMNS);
            int r = 1;
            for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                LocalDate d = day;
                boolean postDay = POSTS.stream().anyMatch(p -> p.created().equals(d));
                boolean hiring = !day.isBefore(LocalDate.of(2026, 8, 11)) && !day.isAfter(LocalDate.of(2026, 8, 28));
                boolean weekend = day.getDayOfWeek().getValue() >= 6;
                long[][] views = new long[3][2]; // section (overview, life, jobs) x device (desktop, mobile)
                long[][] uniques = new long[3][2];
                views[0][0] = (weekend ? 2 : 5) + random.nextInt(8) + (postDay ? 6 + random.nextInt(10) : 0);
                views[0][1] = (weekend ? 3 : 4) + random.nextInt(9) + (postDay ? 8 + random.nextInt(12) : 0);
                views[1][0] = random.nextInt(3);
                views[1][1] = random.nextInt(3);
                views[2][0] = hiring ? 4 + random.nextInt(9) : random.nextInt(2);
                views[2][1] = hiring ? 3 + random.nextInt(8) : random.nextInt(2);
                for (int s = 0; s < 3; s++) {
                    for (int dev = 0; dev < 2; dev++) {
                        uniques[s][dev] = views[s][dev] == 0 ? 0 : Math.max(1, Math.round(views[s][dev] * (0.55 + 0.3 * random.nextDouble())));
                    }
                }
                List<Object> values = new ArrayList<>(List.of(day));
                long[] totalViews = new long[2];
                long[] totalUniques = new long[2];
                for (int s = 0; s < 3; s++) {
                    values.addAll(List.of(views[s][0], views[s][1], views[s][0] + views[s][1]));
                    values.addAll(List.of(uniques[s][0], uniques[s][1], uniques[s][0] + uniques[s][1]));
                    for (int dev = 0; dev < 2; dev++) {
                        totalViews[dev] += views[s][dev];
                        // a visitor of two sections is one unique visitor of the page
                        totalUniques[dev] = Math.max(totalUniques[dev], uniques[s][dev]) + (s == 0 ? 0 : uniques[s][dev] / 2);
                    }
                }
                values.addAll(List.of(totalViews[0], totalViews[1], totalViews[0] + totalViews[1]));
                values.addAll(List.of(totalUniques[0], totalUniques[1], totalUniques[0] + totalUniques[1]));
                cells.row(sheet, r++, values.toArray());
            }
            demographics(cells, book, "Total views", new Random(20260806L), 0.6);
            save(book, file);
        }
    }

    // ---------------------------------------------------------------- cells

    /** Writes rows: strings as text, numbers as numbers, dates as the chosen kind. */
    private static final class Cells {
        private final Dates dates;
        private final CellStyle dateStyle;

        Cells(Workbook book, Dates dates) {
            this.dates = dates;
            this.dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("mm/dd/yyyy"));
        }

        void description(Sheet sheet, int width, String text) {
            sheet.createRow(0).createCell(0).setCellValue(text);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
        }

        void row(Sheet sheet, int index, Object... values) {
            Row row = sheet.createRow(index);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null || "".equals(v)) {
                    continue; // an empty cell, as LinkedIn leaves Content Type
                }
                Cell cell = row.createCell(c);
                if (v instanceof LocalDate date) {
                    if (dates == Dates.TEXT) {
                        cell.setCellValue(US_DATE.format(date));
                    } else {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    }
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    private static void save(Workbook book, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            book.write(out);
        }
    }
}
