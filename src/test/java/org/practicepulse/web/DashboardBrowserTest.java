package org.practicepulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

    private WebDriver browser;
    private static Practice practice;
    private static String owner;
    private static String leader;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        if (practice == null) {
            practice = data.practice("browser", "America/Chicago");
            owner = data.user("browser-owner", Role.OWNER, practice);
            leader = data.user("browser-leader", Role.LEADERSHIP, practice);
            try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).toList()) {
                    TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug).then().statusCode(200);
                }
            }
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

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
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

        open("view=leadership&practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31");
        assertTrue(browser.findElement(By.cssSelector("[data-panel=comparison] table")).getText().contains("32,172"));
        assertTrue(browser.findElement(By.cssSelector("[data-panel=accounts]")).getText().contains("DrMayaOkafor"));
        screenshot("leadership");

        open("view=reputation&practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31");
        screenshot("reputation");
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
