package org.practicepulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The dashboards in Debian's headless Chromium (chromium + chromium-driver, installed by .ci/run).
 * Screenshots of each view are written to target/screenshots/.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> Flu clinic today";
    private static final Path REVIEW_SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "reviews");
    private static final String REVIEWS_HEADER = "source,review_id,created_at,rating,text,reviewer,reply_text,reply_at\n";
    /** A new negative review (alerts are raised for reviews of the last 30 days only; the samples are older). */
    private static final String FRESH_COMPLAINT = "Front desk double-booked me and I waited ninety minutes for a sick visit.";
    private static final String FRESH_SAFETY = "After the new antibiotic I had an allergic reaction and ended up in the emergency room.";
    private static final String RISKY_POST = "My 45-year-old patient in bed 4 this morning finally got her diagnosis. DM me your symptoms!";
    private static final String DISCLOSING_REPLY = "Thanks for coming in for your knee surgery on March 3";

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

    private WebDriver browser;
    private static Practice practice;
    private static String owner;
    private static String leader;
    private static String reputationManager;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        if (practice == null) {
            practice = data.practice("browser", "America/Chicago");
            owner = data.user("browser-owner", Role.OWNER, practice);
            leader = data.user("browser-leader", Role.LEADERSHIP, practice);
            reputationManager = data.user("browser-reputation", Role.REPUTATION, practice);
            try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).toList()) {
                    TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug).then().statusCode(200);
                }
            }
            importReviews(owner, practice, "Google,fresh-1," + daysAgo(2) + ",1,\"" + FRESH_COMPLAINT + "\",Ana Ruiz,,\n"
                    + "Google,fresh-2," + daysAgo(1) + ",2,\"" + FRESH_SAFETY + "\",Tom Berg,,\n");
            // A risky post without counters (the figures the tests check stay the X samples'), and the clinicians.
            Path risky = Files.createTempFile("risky-post", ".csv");
            Files.writeString(risky, "platform,account,post_id,published_at,text\r\nThreads,DrMayaOkafor,risky-1,2026-09-15T10:00:00-05:00,\""
                    + RISKY_POST + "\"\r\n");
            assertEquals(1, TestData.upload(owner, practice, risky).getInt("rowsImported"));
            Files.delete(risky);
            TestData.as(owner).contentType(ContentType.JSON).body(Map.of("name", "Lakeside Family Medicine", "locations", List.of("Lakeshore Drive"),
                    "clinicians", List.of(Map.of("name", "Dr. Maya Okafor", "accounts", List.of("x:DrMayaOkafor", "threads:DrMayaOkafor")),
                            Map.of("name", "Dr. Dan Reyes", "accounts", List.of("x:DrDanReyesMD")))))
                    .put("/api/practices/" + practice.slug).then().statusCode(200);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signIn(String username) {
        browser.get(base + "login.html");
        browser.findElement(By.id("j_username")).sendKeys(username);
        browser.findElement(By.id("j_password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("username"), username));
    }

    private void open(String query) {
        browser.get(base + "?" + query);
        waitForPanels();
    }

    private void waitForPanels() {
        waiting().until(d -> !d.findElements(By.cssSelector("section.panel")).isEmpty()
                && d.findElements(By.cssSelector("section.panel[aria-busy=true]")).isEmpty());
    }

    private String tile(String metric) {
        return browser.findElement(By.cssSelector("[data-metric='" + metric + "'] .value")).getText();
    }

    /**
     * The whole page, not only the window: the window is stretched to the page's height for the
     * picture. First the layout is checked: nothing makes the page wider than the window.
     */
    private void screenshot(String name) throws Exception {
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);"),
                name + ": the page is wider than the window");
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), height + 140)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
        assertTrue(Files.size(SCREENSHOTS.resolve(name + ".png")) > 10_000, name + ".png is a real picture");
    }

    private static String daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("America/Chicago")).toString();
    }

    /** Every review sample of the demo practice, then the given generic review rows (may be empty). */
    private static void importReviews(String owner, Practice into, String freshRows) throws Exception {
        try (var files = Files.list(REVIEW_SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                TestData.upload(owner, into, file);
            }
        }
        if (!freshRows.isEmpty()) {
            Path file = Files.createTempFile("fresh-reviews", ".csv");
            Files.writeString(file, REVIEWS_HEADER + freshRows);
            assertEquals(0, TestData.upload(owner, into, file).getInt("rowsRejected"));
            Files.delete(file);
        }
    }

    private String panelText(String panel) {
        return browser.findElement(By.cssSelector("[data-panel='" + panel + "']")).getText();
    }

    /** The reviews the inbox should list: negative or unanswered, newest first, as /api/reviews answers them. */
    private static List<Map<String, Object>> inbox(String user, String from, String to, String site) {
        var request = TestData.as(user).queryParam("practice", practice.slug).queryParam("from", from).queryParam("to", to);
        if (site != null) {
            request = request.queryParam("site", site);
        }
        List<Map<String, Object>> all = request.get("/api/reviews").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(r -> Boolean.TRUE.equals(r.get("negative")) || !Boolean.TRUE.equals(r.get("replied"))).toList();
    }

    @Test
    void theOwnerSeesEachDashboardPopulatedAndTheFiguresFollowTheRange() throws Exception {
        signIn(owner);
        open("view=weekly-engagement&practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31");
        assertEquals("32,172", tile("impressions"), "August impressions of the X samples, as /api/metrics/summary says");
        assertEquals("1,190", tile("engagements"));
        assertFalse(browser.findElements(By.cssSelector("[data-panel=trend] canvas")).isEmpty(), "the trend chart is drawn");
        assertTrue(browser.findElement(By.cssSelector("[data-panel=top-posts] table")).getText().contains("x · "));
        assertTrue(browser.getCurrentUrl().contains("from=2026-08-01"), "the range is in the URL");
        screenshot("weekly-engagement");

        new Select(browser.findElement(By.id("preset"))).selectByValue("");
        ((JavascriptExecutor) browser).executeScript(
                "const t = document.getElementById('to'); t.value = '2026-09-30'; t.dispatchEvent(new Event('change'));"
                + "const f = document.getElementById('from'); f.value = '2026-09-01'; f.dispatchEvent(new Event('change'));");
        waiting().until(d -> d.getCurrentUrl().contains("from=2026-09-01"));
        waitForPanels();
        waiting().until(d -> tile("impressions").equals("41,573"));
        assertNotEquals("32,172", tile("impressions"), "September's impressions replace August's");

        open("view=leadership&practice=" + practice.slug + "&from=2026-09-01&to=2026-09-30");
        String comparison = browser.findElement(By.cssSelector("[data-panel=comparison] table")).getText();
        assertTrue(comparison.contains("41,573") && comparison.contains("32,172"), "September beside August: " + comparison);
        assertTrue(comparison.contains("+29.22%"), "the change, (41,573 - 32,172) / 32,172: " + comparison);
        WebElement okafor = browser.findElements(By.cssSelector("[data-panel=accounts] tbody tr")).stream()
                .filter(r -> r.getText().contains("x · DrMayaOkafor")).findFirst().orElseThrow();
        assertTrue(okafor.getText().startsWith("Dr. Maya Okafor"), "the account's clinician: " + okafor.getText());
        WebElement risk = browser.findElement(By.cssSelector("[data-panel=risk]"));
        assertTrue(risk.getText().contains("bed 4"), "the risky post is listed: " + risk.getText());
        assertFalse(risk.findElements(By.tagName("mark")).isEmpty(), "its risky words are highlighted");
        screenshot("leadership");

        open("view=reputation&practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31");
        assertTrue(panelText("summary").contains("Average rating"), "the owner sees the reputation figures too: " + panelText("summary"));
        screenshot("reputation-as-owner");
        for (String name : List.of("weekly-engagement", "leadership", "reputation-as-owner")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(name + ".png")) > 10_000, name);
        }
    }

    @Test
    void theReputationManagerWorksTheInboxAlertsAndTheLiveReplyCheck() throws Exception {
        String from = "2026-08-01";
        String to = today();
        signIn(reputationManager);
        open("view=reputation&practice=" + practice.slug + "&from=" + from + "&to=" + to);
        List<String> views = browser.findElements(By.cssSelector("#views a")).stream().map(a -> a.getAttribute("data-view")).toList();
        assertEquals(List.of("reputation", "draft"), views, "a reputation manager sees the Reputation dashboard and the draft check");

        // Ratings and responses: the figures /api/reputation/summary answers for the same period.
        JsonPath summary = TestData.as(reputationManager).queryParam("practice", practice.slug).queryParam("from", from)
                .queryParam("to", to).get("/api/reputation/summary").then().statusCode(200).extract().jsonPath();
        assertTrue(summary.getLong("reviews") >= 20, "the samples and the fresh reviews: " + summary.prettify());
        assertEquals(String.format(Locale.US, "%.2f ★", summary.getDouble("averageRating")), tile("averageRating"));
        assertEquals(String.valueOf(summary.getLong("negative")), tile("negative"));
        assertEquals(String.format(Locale.US, "%s%%", trimmed(100 * summary.getDouble("responseRate.value"))), tile("responseRate"));
        long rated = 0;
        for (int rating = 1; rating <= 5; rating++) {
            long expected = summary.getLong("ratingDistribution.'" + rating + "'");
            rated += expected;
            assertEquals(String.valueOf(expected),
                    browser.findElement(By.cssSelector("[data-panel=summary] [data-rating='" + rating + "'] .count")).getText(), rating + " stars");
        }
        assertTrue(rated > 0 && summary.getLong("ratingDistribution.'1'") > 0 && summary.getLong("ratingDistribution.'5'") > 0);

        // The inbox: negative or unanswered reviews, newest first; a negative review that was answered is still there.
        String inbox = panelText("inbox");
        List<Map<String, Object>> expected = inbox(reputationManager, from, to, null);
        assertEquals(expected.size(), browser.findElements(By.cssSelector("[data-panel=inbox] tbody tr")).size(), inbox);
        assertTrue(inbox.contains("Called three times about a prescription refill"), "Carl D.'s unanswered one-star review: " + inbox);
        assertTrue(inbox.contains("Billed twice for the same appointment"), "Dana Kowalski's answered one-star review: " + inbox);
        assertTrue(inbox.indexOf(FRESH_SAFETY) < inbox.indexOf(FRESH_COMPLAINT)
                && inbox.indexOf(FRESH_COMPLAINT) < inbox.indexOf("Called three times"), "newest first: " + inbox);
        assertFalse(inbox.contains("Booked a physical online in two minutes"), "an answered five-star review is not waiting");

        // Filter by site: only that site's waiting reviews, as /api/reviews?site= answers them.
        new Select(browser.findElement(By.id("inbox-site"))).selectByValue("trustpilot");
        List<Map<String, Object>> trustpilot = inbox(reputationManager, from, to, "trustpilot");
        waiting().until(d -> d.findElements(By.cssSelector("[data-panel=inbox] tbody tr")).size() == trustpilot.size());
        for (WebElement row : browser.findElements(By.cssSelector("[data-panel=inbox] tbody tr"))) {
            assertEquals("trustpilot", row.findElements(By.tagName("td")).get(1).getText());
        }
        assertFalse(panelText("inbox").contains("Billed twice"), "the Google review is filtered out");
        new Select(browser.findElement(By.id("inbox-maxRating"))).selectByValue("1");
        waiting().until(d -> d.findElements(By.cssSelector("[data-panel=inbox] tbody tr")).size()
                == trustpilot.stream().filter(r -> ((Number) r.get("rating")).intValue() <= 1).count());
        assertTrue(panelText("inbox").contains("Called three times"));
        new Select(browser.findElement(By.id("inbox-site"))).selectByValue("");
        new Select(browser.findElement(By.id("inbox-maxRating"))).selectByValue("");
        waiting().until(d -> d.findElements(By.cssSelector("[data-panel=inbox] tbody tr")).size() == expected.size());

        // Safety-flagged reviews have their own panel.
        waiting().until(d -> panelText("safety").contains(FRESH_SAFETY));

        // The live reply check: a reply that names the treatment and its date is high risk.
        WebElement carl = browser.findElements(By.cssSelector("[data-panel=inbox] tbody tr")).stream()
                .filter(r -> r.getText().contains("Called three times")).findFirst().orElseThrow();
        carl.findElement(By.xpath(".//button[normalize-space()='Draft reply']")).click();
        assertTrue(browser.findElement(By.id("reply-about")).getText().contains("Carl D."));
        browser.findElement(By.id("reply-reply")).sendKeys(DISCLOSING_REPLY);
        WebElement verdict = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reply-result[data-risk]")));
        assertEquals("high", verdict.getAttribute("data-risk"), verdict.getText());
        assertTrue(verdict.getText().contains("Risk: high"), verdict.getText());
        assertFalse(browser.findElements(By.cssSelector("#reply-result mark")).isEmpty(), "the disclosing words are highlighted");

        // Open alerts: the fresh negative review is listed; acknowledging it changes its row, and it leaves the open list.
        List<Map<String, Object>> open = TestData.as(reputationManager).queryParam("practice", practice.slug).queryParam("status", "open")
                .get("/api/alerts").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> complaint = open.stream().filter(a -> FRESH_COMPLAINT.equals(((Map<?, ?>) a.get("review")).get("text")))
                .findFirst().orElseThrow(() -> new AssertionError("no open alert for the fresh complaint: " + open));
        assertTrue(panelText("alerts").contains(FRESH_COMPLAINT), panelText("alerts"));
        assertEquals(open.size(), browser.findElements(By.cssSelector("[data-panel=alerts] tbody tr")).size());
        screenshot("reputation");

        browser.manage().window().setSize(new Dimension(820, 1180)); // a tablet held upright
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return document.documentElement.clientWidth;")).intValue() < 820);
        screenshot("reputation-tablet");
        browser.manage().window().setSize(new Dimension(1280, 1600));

        WebElement ack = browser.findElement(By.cssSelector("[data-panel=alerts] button[data-alert='" + complaint.get("id") + "']"));
        WebElement row = ack.findElement(By.xpath("./ancestor::tr"));
        ack.click();
        waiting().until(d -> row.getText().contains("acknowledged by " + reputationManager));
        assertTrue(row.getAttribute("class").contains("acknowledged"));
        assertEquals("acknowledged", TestData.as(reputationManager).queryParam("practice", practice.slug).get("/api/alerts")
                .then().statusCode(200).extract().jsonPath().getString("find { it.id == " + complaint.get("id") + " }.status"));
        open("view=reputation&practice=" + practice.slug + "&from=" + from + "&to=" + to);
        assertFalse(panelText("alerts").contains(FRESH_COMPLAINT), "an acknowledged alert is no longer open: " + panelText("alerts"));
    }

    /** 83.33 -> "83.33", 80.0 -> "80": as Intl.NumberFormat writes percentages (at most two decimals). */
    private static String trimmed(double percent) {
        return new java.math.BigDecimal(percent).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Test
    void anUploadShowsItsResultWithRejectedLines() throws Exception {
        signIn(owner);
        browser.get(base + "?view=upload&practice=" + practice.slug);
        WebElement input = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-file")));
        input.sendKeys(TestData.fixture("x/x-with-bad-rows.csv").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        WebElement result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-result p")));
        waiting().until(ExpectedConditions.textToBePresentInElement(result, "PARTIAL"));
        assertTrue(result.getText().contains("2 of 5 rows imported, 3 rejected"), result.getText());
        String errors = browser.findElement(By.id("upload-result")).getText();
        assertTrue(errors.contains("line 3:") && errors.contains("line 7:"), errors);
        screenshot("upload");
    }

    @Test
    void hostileTextIsShownAsTextAndNeverRuns() throws Exception {
        Path file = Files.createTempFile("hostile", ".csv");
        Files.writeString(file, "platform,post_id,published_at,text,impressions,likes\r\n"
                + "Threads,xss-1,2026-08-10T10:00:00-05:00,\"" + XSS.replace("\"", "\"\"") + "\",500,400\r\n");
        Practice hostile = data.practice("browser-xss", "America/Chicago");
        String user = data.user("browser-xss-owner", Role.OWNER, hostile);
        TestData.as(user).multiPart("file", file.toFile(), "text/csv").post("/api/imports?practice=" + hostile.slug).then().statusCode(200);
        signIn(user);
        open("view=weekly-engagement&practice=" + hostile.slug + "&from=2026-08-01&to=2026-08-31");
        WebElement top = browser.findElement(By.cssSelector("[data-panel=top-posts]"));
        assertTrue(top.getText().contains("<img src=x onerror="), "the payload is shown as text: " + top.getText());
        assertTrue(top.findElements(By.tagName("img")).isEmpty() && top.findElements(By.tagName("script")).isEmpty());
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss;"));

        // Review texts: the samples' <script> and <img onerror> reviews and a fresh one, in the inbox and the alerts.
        importReviews(user, hostile, "Google,xss-review," + daysAgo(1) + ",1,\"" + XSS.replace("\"", "\"\"") + "\",Mallory,,\n");
        open("view=reputation&practice=" + hostile.slug + "&from=2026-08-01&to=" + today());
        String inbox = panelText("inbox");
        assertTrue(inbox.contains("<script>alert('pwned')</script>"), "the Google sample's script is shown as text: " + inbox);
        assertTrue(inbox.contains("<img src=x onerror=alert(1)>"), "the Yelp sample's image is shown as text: " + inbox);
        assertTrue(inbox.contains("<img src=x onerror=\"window.__xss=1\">"), inbox);
        assertTrue(panelText("alerts").contains("<script>window.__xss=2</script>"), panelText("alerts"));
        assertTrue(browser.findElements(By.cssSelector("#panels img, #panels script")).isEmpty(), "no element was made from review text");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss;"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert() ran");
    }

    @Test
    void leadershipSeesOnlyItsDashboards() throws Exception {
        signIn(leader);
        open("view=weekly-engagement&practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31");
        List<String> views = browser.findElements(By.cssSelector("#views a")).stream().map(a -> a.getAttribute("data-view")).toList();
        assertEquals(List.of("leadership", "draft"), views);
        assertTrue(browser.getCurrentUrl().contains("view=leadership"), "the owner-only view falls back to the leadership report");
        assertEquals("Leadership report", browser.findElement(By.id("view-title")).getText());
        screenshot("leadership-as-leadership");
    }
}
