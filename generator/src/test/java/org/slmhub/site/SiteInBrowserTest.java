package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/**
 * The built site in a real headless Chromium, served on 127.0.0.1 by the site server: search in
 * the browser, narrow the list with a filter, open a model page. Screenshots go to target/browser/.
 */
class SiteInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String BASE = "/slmhub/";

    @TempDir
    Path tmp;

    @Test
    void searchFilterAndModelPage() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is absent (Debian: apt-get install chromium chromium-driver): browser test skipped");
        assumeTrue(Pagefind.availableOffline(), "npx cannot run pagefind@" + Pagefind.VERSION + " offline: browser search not testable");
        Path root = TestPaths.repoRoot();
        Path site = tmp.resolve("site");
        List<String> build = new ArrayList<>(List.of("build", "--catalog", root.resolve("models").toString(),
                "--source", root.toString(), "--out", site.toString(), "--base-url", BASE));
        boolean smoked = smokeReport().map(report -> build.addAll(List.of("--smoke-report", report.toString()))).orElse(false);
        CliRun built = CliRun.of(build.toArray(String[]::new));
        assertEquals(0, built.exitCode(), built::toString);

        Path shots = Files.createDirectories(root.resolve("generator/target/browser"));
        try (SiteServer server = new SiteServer(site, 0, BASE)) {
            WebDriver browser = chromium();
            try {
                String origin = "http://127.0.0.1:" + server.port() + BASE;
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(origin + "models/");

                WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".pagefind-ui__search-input")));
                input.sendKeys("stories");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pagefind-ui__results"), "stories260K"));
                screenshot(browser, shots.resolve("search-stories.png"));

                int all = Integer.parseInt(browser.findElement(By.id("shown-count")).getText());
                new Select(browser.findElement(By.id("filter-license"))).selectByValue("MIT");
                int mit = Integer.parseInt(browser.findElement(By.id("shown-count")).getText());
                long visible = browser.findElements(By.cssSelector("tr.model-row")).stream().filter(WebElement::isDisplayed).count();
                assertTrue(mit > 0 && mit < all, "the MIT filter narrows " + all + " models to " + mit);
                assertEquals(mit, visible);
                screenshot(browser, shots.resolve("filter-mit.png"));

                browser.findElements(By.cssSelector(".pagefind-ui__result-link")).stream()
                        .filter(link -> link.getText().contains("stories260K")).findFirst().orElseThrow().click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-id"), "ggml-org/stories260k"));
                assertTrue(browser.findElement(By.id("artifacts")).getText().contains("stories260K-f32.gguf"));
                assertTrue(browser.findElement(By.id("artifacts")).getText().contains("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d"));
                assertTrue(browser.findElement(By.id("run")).getText().contains("slmhub run ggml-org/stories260k"));
                String smoke = browser.findElement(By.id("smoke")).getText();
                assertTrue(smoked ? smoke.contains("passed") && smoke.contains("there was a little girl named Lily") : smoke.contains("Not smoked yet."), smoke);
                screenshot(browser, shots.resolve("model-stories260k.png"));
            } finally {
                browser.quit();
            }
        }
    }

    /** A real smoke report of stories260K when the shared fixture is here; otherwise the page says it was not smoked. */
    private java.util.Optional<Path> smokeReport() {
        var shared = TestPaths.sharedModels();
        if (shared.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path report = tmp.resolve("smoke-report.json");
        CliRun run = CliRun.of("smoke", "--catalog", TestPaths.repoRoot().resolve("models").toString(), "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", shared.get().toString(),
                "--report", report.toString(), "ggml-org/stories260k");
        assertEquals(0, run.exitCode(), run::toString);
        return java.util.Optional.of(report);
    }

    private WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Background-networking flags: this machine's network is closed, and Chromium would keep trying.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, Path file) throws IOException {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
