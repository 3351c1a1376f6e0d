package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/**
 * The built site in a real headless Chromium, served on 127.0.0.1 by the site server: search in
 * the browser (and what the first search downloads), narrow the list with a filter, open a model
 * page, sort and page through results. Screenshots go to target/browser/.
 */
class SiteInBrowserTest {
    private static final String BASE = "/slmhub/";

    @TempDir
    Path tmp;

    @Test
    void searchFilterAndModelPage() throws IOException {
        assumeTrue(Chromium.present(), Chromium.ABSENT);
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
                int all = browser.findElements(By.cssSelector("tr.model-row")).size();
                int mitRows = browser.findElements(By.cssSelector("tr.model-row[data-license='MIT']")).size();
                int embeddingRows = browser.findElements(By.cssSelector("tr.model-row[data-task='feature-extraction']")).size();

                WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("search-input")));
                input.sendKeys("stories");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "stories260K"));
                long bytes = firstSearchBytes(browser);
                assertTrue(bytes < 300 * 1024, "the first search downloaded " + bytes + " bytes");
                assertFalse(browser.findElement(By.id("model-table")).isDisplayed(), "results replace the table");
                String facts = browser.findElement(By.cssSelector("a.search-result .search-result-facts")).getText();
                assertEquals("ggml-org/stories260k \u00b7 293K params \u00b7 MIT", facts);
                screenshot(browser, shots.resolve("search-stories.png"));

                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-table")));
                assertEquals(all, Integer.parseInt(browser.findElement(By.id("shown-count")).getText()));

                new Select(browser.findElement(By.id("filter-license"))).selectByValue("MIT");
                wait.until(ExpectedConditions.textToBe(By.id("result-count"), mitRows + " models match"));
                assertTrue(mitRows > 0 && mitRows < all, "the MIT filter narrows " + all + " models to " + mitRows);
                wait.until(d -> d.findElements(By.cssSelector("a.search-result")).size() == Math.min(10, mitRows));
                assertEquals(String.valueOf(Math.min(10, mitRows)), browser.findElement(By.id("shown-count")).getText());
                assertTrue(browser.getCurrentUrl().endsWith("models/?license=MIT"), browser.getCurrentUrl());
                screenshot(browser, shots.resolve("filter-mit.png"));

                browser.findElements(By.cssSelector("a.search-result")).stream()
                        .filter(link -> link.getText().contains("stories260K")).findFirst().orElseThrow().click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-id"), "ggml-org/stories260k"));
                assertTrue(browser.findElement(By.id("artifacts")).getText().contains("stories260K-f32.gguf"));
                assertTrue(browser.findElement(By.id("artifacts")).getText().contains("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d"));
                assertTrue(browser.findElement(By.id("run")).getText().contains("slmhub run ggml-org/stories260k"));
                String smoke = browser.findElement(By.id("smoke")).getText();
                assertTrue(smoked ? smoke.contains("passed") && smoke.contains("there was a little girl named Lily") : smoke.contains("Not smoked yet."), smoke);
                screenshot(browser, shots.resolve("model-stories260k.png"));

                browser.get(origin + "models/?sort=params:asc");
                wait.until(d -> d.findElements(By.cssSelector("a.search-result")).size() == Math.min(10, all));
                assertEquals(all + " models match", browser.findElement(By.id("result-count")).getText());
                assertTrue(browser.findElement(By.cssSelector("a.search-result")).getText().startsWith("stories260K"), "smallest first");
                browser.findElement(By.id("more-results")).click();
                wait.until(d -> d.findElements(By.cssSelector("a.search-result")).size() == Math.min(20, all));

                // the task filter finds the ONNX embedding model beside the GGUF ones
                browser.get(origin + "models/?task=feature-extraction");
                wait.until(ExpectedConditions.textToBe(By.id("result-count"), embeddingRows + " models match"));
                assertTrue(embeddingRows > 0 && embeddingRows < all, "the task filter narrows " + all + " models to " + embeddingRows);
                wait.until(d -> d.findElements(By.cssSelector("a.search-result")).stream().anyMatch(l -> l.getText().contains("all-MiniLM-L6-v2")));
                screenshot(browser, shots.resolve("filter-feature-extraction.png"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void compareShowsModelsAndVariantsSideBySide() throws IOException {
        assumeTrue(Chromium.present(), Chromium.ABSENT);
        Path root = TestPaths.repoRoot();
        Path catalog = tmp.resolve("models");
        for (String id : List.of("qwen/qwen2.5-0.5b-instruct", "ggml-org/stories260k")) {
            Path file = Files.createDirectories(catalog.resolve(id)).resolve("model.yaml");
            Files.copy(root.resolve("models").resolve(id).resolve("model.yaml"), file);
        }
        Path site = tmp.resolve("site");
        CliRun built = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", root.toString(),
                "--out", site.toString(), "--base-url", BASE);
        assertEquals(0, built.exitCode(), built::toString);
        String qwen = "qwen/qwen2.5-0.5b-instruct";
        try (SiteServer server = new SiteServer(site, 0, BASE)) {
            WebDriver browser = chromium();
            try {
                String origin = "http://127.0.0.1:" + server.port() + BASE;
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(origin + "models/" + qwen + "/");
                assertEquals("Compare its 3 variants", browser.findElement(By.id("compare-variants")).getText());
                browser.findElement(By.id("compare-variants")).click();
                wait.until(d -> d.findElements(By.cssSelector("#compare-table th a")).size() == 3);
                assertEquals(List.of(qwen + ":Q4_0", qwen + ":Q4_K_M", qwen + ":Q8_0"), texts(browser, "#compare-table .compare-ref"));
                assertEquals(List.of("File", "qwen2.5-0.5b-instruct-q4_0.gguf", "qwen2.5-0.5b-instruct-q4_k_m.gguf", "qwen2.5-0.5b-instruct-q8_0.gguf"),
                        row(browser, 2));
                // the sizes as the model page writes them: 428,730,208, 491,400,032 and 675,710,816 bytes
                assertEquals(List.of("Size", "409 MiB", "469 MiB", "644 MiB"), row(browser, 3));

                new Select(browser.findElement(By.id("compare-pick"))).selectByValue("ggml-org/stories260k");
                wait.until(d -> d.findElements(By.cssSelector("#compare-table th a")).size() == 4);
                assertEquals(List.of("Parameters", "490M (490,000,000)", "490M (490,000,000)", "490M (490,000,000)", "293K (292,800)"), row(browser, 1));
                assertEquals(List.of("Size", "409 MiB", "469 MiB", "644 MiB", "1.1 MiB"), row(browser, 3));
                screenshot(browser, Files.createDirectories(root.resolve("generator/target/browser")).resolve("compare.png"));

                browser.findElement(By.cssSelector("#compare-table .compare-drop")).click();
                wait.until(d -> d.findElements(By.cssSelector("#compare-table th a")).size() == 3);
                assertEquals(List.of(qwen + ":Q4_K_M", qwen + ":Q8_0", "ggml-org/stories260k"), texts(browser, "#compare-table .compare-ref"));

                browser.get(origin + "compare/?m=" + qwen + ",acme/nothing," + qwen + ":Q3_K");
                wait.until(d -> d.findElements(By.cssSelector("#compare-table th a")).size() == 1);
                assertEquals("Not in this catalog: acme/nothing, " + qwen + ":Q3_K", browser.findElement(By.id("compare-missing")).getText());
                assertEquals(List.of("File", "3 files"), row(browser, 2));
                assertEquals(List.of("Size", "409 MiB to 644 MiB"), row(browser, 3));
            } finally {
                browser.quit();
            }
        }
    }

    private static List<String> texts(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Row {@code n} of the compare table (0 is the heading row): its heading cell, then one cell per column. */
    private static List<String> row(WebDriver browser, int n) {
        return browser.findElements(By.cssSelector("#compare-table tr")).get(n).findElements(By.cssSelector("th, td")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void withoutSearchTheBoxAndFiltersNarrowThePagesRows() throws IOException {
        assumeTrue(Chromium.present(), Chromium.ABSENT);
        Path site = tmp.resolve("site");
        CliRun built = CliRun.of("build", "--no-search", "--catalog", SiteFixture.catalog(tmp).toString(),
                "--source", TestPaths.repoRoot().toString(), "--out", site.toString(), "--base-url", BASE);
        assertEquals(0, built.exitCode(), built::toString);
        try (SiteServer server = new SiteServer(site, 0, BASE)) {
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get("http://127.0.0.1:" + server.port() + BASE + "models/?license=Apache-2.0");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-note"), "Search is not built for this site"));
                wait.until(ExpectedConditions.textToBe(By.id("shown-count"), "2"));
                browser.findElement(By.id("search-input")).sendKeys("bartowski");
                wait.until(ExpectedConditions.textToBe(By.id("shown-count"), "1"));
                assertEquals(List.of("bartowski/smollm2-360m-instruct"), browser.findElements(By.cssSelector("tr.model-row")).stream()
                        .filter(WebElement::isDisplayed).map(r -> r.getDomAttribute("data-id")).toList());
                new Select(browser.findElement(By.id("filter-license"))).selectByValue("");
                browser.findElement(By.id("search-input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                wait.until(ExpectedConditions.textToBe(By.id("shown-count"), "3"));
                assertEquals(3, browser.findElements(By.cssSelector("tr.model-row")).stream().filter(WebElement::isDisplayed).count());
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * What the browser downloaded up to now (page, assets, Pagefind's files), from the Resource
     * Timing entries: transferSize, or the body size where it is 0 (served from cache). Printed per file.
     */
    private static long firstSearchBytes(WebDriver browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".map(e => ({name: e.name, bytes: e.transferSize || e.encodedBodySize}));");
        long total = 0;
        for (Map<String, Object> e : entries) {
            long bytes = ((Number) e.get("bytes")).longValue();
            total += bytes;
            System.out.printf("first search: %7d bytes  %s%n", bytes, e.get("name"));
        }
        System.out.printf("first search: %7d bytes in %d requests (%d KB)%n", total, entries.size(), total / 1024);
        return total;
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
        return Chromium.start(Chromium.options(tmp));
    }

    private static void screenshot(WebDriver browser, Path file) throws IOException {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
