package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the hostile catalog's site ({@link HostileCatalog}) in a real headless Chromium,
 * served on 127.0.0.1: no payload runs. For each page: no dialog is open, {@code window.__xss} is
 * unset, the title is the one the HTML declares, the page did not navigate away, the live DOM has no
 * event-handler attribute, inline script, frame or plugin, and the browser asked no host but
 * 127.0.0.1 for anything (from Chromium's performance log: its DevTools network events). Requests
 * the CSP blocked and the CSP's console reports are printed as information. Then searches for payload
 * words render their results, whose excerpts must hold text and {@code <mark>} only.
 */
class SiteXssInBrowserTest {
    private static final String BASE = "/slmhub/";
    private static final List<String> SEARCH_WORDS = List.of("script", "onerror", "iframe", "javascript", "svg");
    /** The live DOM's active content, counted in the page: what no page of the site has of its own. */
    private static final String ACTIVE_CONTENT = """
            return {xss: typeof window.__xss, title: document.title, url: location.href,
              handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)
                .some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML.slice(0, 120)),
              active: Array.from(document.querySelectorAll('script:not([src]), iframe, frame, object, embed, base, svg, math, img, '
                + 'audio, video, style, link:not([rel=stylesheet]):not([rel=alternate]), meta[http-equiv=refresh], '
                + 'form:not(#search):not(#filters):not(#compare-form)')).map(e => e.outerHTML.slice(0, 120)),
              scripts: Array.from(document.scripts).map(s => s.src)};""";

    @TempDir
    Path tmp;

    @Test
    void noPayloadRunsOnAnyPage() throws IOException {
        assumeTrue(Chromium.present(), Chromium.ABSENT);
        boolean search = Pagefind.availableOffline();
        if (!search) {
            System.out.println("SKIPPED search results in SiteXssInBrowserTest: npx cannot run pagefind@" + Pagefind.VERSION
                    + " offline; the pages are checked without search");
        }
        HostileCatalog catalog = HostileCatalog.write(tmp);
        Path site = tmp.resolve("site");
        catalog.build(site, BASE, search);
        List<Path> files = SiteFixture.htmlFiles(site);
        List<String> problems = new ArrayList<>();
        Network network = new Network();
        int loads = 0;
        int markupAsText = 0; // excerpts that show a payload's markup as text
        long started = System.nanoTime();
        try (SiteServer server = new SiteServer(site, 0, BASE)) {
            String origin = "http://127.0.0.1:" + server.port() + BASE;
            WebDriver browser = Chromium.start(options());
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)); // a hang guard: a page loads in well under a second
            try {
                for (Path file : files) {
                    String rel = site.relativize(file).toString().replace('\\', '/');
                    String url = origin + rel.replaceFirst("(^|/)index\\.html$", "$1");
                    browser.get(url);
                    problems.addAll(check(browser, rel, url, Jsoup.parse(file.toFile(), "UTF-8").title(), network));
                    loads++;
                }
                // the compare page builds its table in the browser from api/models.json: payload names as data
                String ids = String.join(",", java.util.stream.IntStream.range(0, 12).mapToObj(HostileCatalog::id).toList());
                String compare = origin + "compare/?m=" + ids;
                browser.get(compare);
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#compare-table th a")).size() == 12);
                problems.addAll(check(browser, "compare", compare, Jsoup.parse(site.resolve("compare/index.html").toFile(), "UTF-8").title(), network));
                assertEquals(catalog.payloads().subList(0, 12), browser.findElements(By.cssSelector("#compare-table th a")).stream()
                        .map(a -> a.getDomProperty("textContent")).toList());
                loads++;
                if (search) {
                    String modelsTitle = Jsoup.parse(site.resolve("models/index.html").toFile(), "UTF-8").title();
                    for (String word : SEARCH_WORDS) {
                        String url = origin + "models/?q=" + word;
                        int shown = searchResults(browser, url);
                        problems.addAll(check(browser, "search " + word, url, modelsTitle, network));
                        problems.addAll(excerptMarkup(browser, word));
                        markupAsText += (int) browser.findElements(By.cssSelector(".search-result-excerpt")).stream()
                                .filter(e -> e.getText().contains("<")).count();
                        System.out.println("hostile catalog: search for '" + word + "' rendered " + shown + " results");
                        assertTrue(shown > 0, "no results for " + word);
                        loads++;
                    }
                }
            } finally {
                browser.quit();
            }
        }
        System.out.printf("hostile catalog: %d search excerpts showed payload markup as text%n", markupAsText);
        System.out.printf("hostile catalog: %d payloads, %d pages loaded in Chromium (%d html files%s) in %d ms; "
                        + "%d requests, %d to 127.0.0.1, %d blocked by the CSP, %d CSP reports in the console%n",
                catalog.payloads().size(), loads, files.size(), search ? ", search on" : ", search off",
                (System.nanoTime() - started) / 1_000_000, network.requests, network.local, network.blockedByCsp, network.cspReports);
        assertTrue(files.size() > catalog.payloads().size(), files.size() + " pages");
        assertTrue(!search || markupAsText > 0, "no search excerpt showed a payload's markup: the excerpt check saw none");
        assertTrue(network.local > files.size(), "the performance log saw the pages' own requests: " + network.local);
        assertEquals(List.of(), problems);
    }

    private static ChromeOptions options(Path tmp) throws IOException {
        ChromeOptions options = Chromium.options(tmp);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL); // DevTools network events, read after each page
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        // a dialog a payload opened stays open for the check, instead of being dismissed by the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        return options;
    }

    private ChromeOptions options() throws IOException {
        return options(tmp);
    }

    /** What one loaded page shows of a payload that ran; empty when none did. */
    private static List<String> check(WebDriver browser, String where, String url, String title, Network network) {
        List<String> problems = new ArrayList<>();
        try {
            // let load-time handlers, autofocus and timers of a payload fire: two frames and a task
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));");
        } catch (UnhandledAlertException e) {
            problems.add(where + ": a dialog blocked the page: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            Alert alert = browser.switchTo().alert();
            problems.add(where + ": a dialog opened: " + alert.getText());
            alert.dismiss();
        } catch (NoAlertPresentException expected) {
            // no payload opened a dialog
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(ACTIVE_CONTENT);
        if (!"undefined".equals(state.get("xss"))) {
            problems.add(where + ": window.__xss is set");
        }
        if (!title.equals(state.get("title"))) {
            problems.add(where + ": title changed to " + state.get("title") + " (expected " + title + ")");
        }
        if (!url.equals(state.get("url"))) {
            problems.add(where + ": navigated to " + state.get("url"));
        }
        for (String key : List.of("handlers", "active")) {
            for (Object e : (List<?>) state.get(key)) {
                problems.add(where + ": " + key + " in the DOM: " + e);
            }
        }
        for (Object src : (List<?>) state.get("scripts")) {
            if (!String.valueOf(src).startsWith(url.substring(0, url.indexOf(BASE) + BASE.length()))) {
                problems.add(where + ": a script from " + src);
            }
        }
        problems.addAll(network.read(browser, where));
        return problems;
    }

    /** Opens a search and shows every result (10 at a time); returns how many were rendered. */
    private static int searchResults(WebDriver browser, String url) {
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textMatches(By.id("result-count"), Pattern.compile("\\d+ models? match")));
        int total = Integer.parseInt(browser.findElement(By.id("result-count")).getText().split(" ")[0]);
        wait.until(d -> d.findElements(By.cssSelector("a.search-result")).size() == Math.min(10, total));
        for (int shown = Math.min(10, total); shown < total; shown = Math.min(shown + 10, total)) {
            int before = shown;
            browser.findElement(By.id("more-results")).click();
            wait.until(d -> d.findElements(By.cssSelector("a.search-result")).size() == Math.min(before + 10, total));
        }
        return browser.findElements(By.cssSelector("a.search-result")).size();
    }

    /** The excerpts are Pagefind's HTML, set with innerHTML: they may hold text and {@code <mark>}, nothing else. */
    private static List<String> excerptMarkup(WebDriver browser, String word) {
        List<String> problems = new ArrayList<>();
        for (WebElement excerpt : browser.findElements(By.cssSelector(".search-result-excerpt"))) {
            for (WebElement child : excerpt.findElements(By.cssSelector("*"))) {
                if (!child.getTagName().equals("mark")) {
                    problems.add("search " + word + ": <" + child.getTagName() + "> in an excerpt: " + excerpt.getDomProperty("innerHTML"));
                }
            }
        }
        return problems;
    }

    /** The DevTools network events and console reports since the last page, from Chromium's logs. */
    private static final class Network {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final List<String> NETWORK_SCHEMES = List.of("http", "https", "ws", "wss", "ftp");
        private static final Pattern ORIGIN = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):(?://(?:[^@/?#]*@)?([^/:?#]*))?");
        int requests;
        int local;
        int blockedByCsp;
        int cspReports;

        List<String> read(WebDriver browser, String where) {
            Map<String, String> foreign = new LinkedHashMap<>();
            Map<String, String> blocked = new HashMap<>();
            for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
                JsonNode message = readTree(entry.getMessage()).path("message");
                JsonNode params = message.path("params");
                switch (message.path("method").asText()) {
                    case "Network.requestWillBeSent" -> {
                        String url = params.path("request").path("url").asText();
                        requests++;
                        Matcher origin = ORIGIN.matcher(url);
                        String scheme = origin.lookingAt() ? origin.group(1).toLowerCase(java.util.Locale.ROOT) : "";
                        if (!NETWORK_SCHEMES.contains(scheme)) {
                            continue; // data:, blob:, and the browser's own chrome:// pages (its new-tab page at start)
                        }
                        if ("127.0.0.1".equals(origin.group(2))) {
                            local++;
                        } else {
                            foreign.put(params.path("requestId").asText(), url);
                        }
                    }
                    case "Network.loadingFailed" -> blocked.put(params.path("requestId").asText(), params.path("blockedReason").asText());
                    default -> {
                    }
                }
            }
            List<String> problems = new ArrayList<>();
            foreign.forEach((id, url) -> {
                if ("csp".equals(blocked.get(id))) {
                    blockedByCsp++;
                    System.out.println("hostile catalog: " + where + ": the CSP blocked a request to " + url);
                } else {
                    problems.add(where + ": a request to another host: " + url);
                }
            });
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getMessage().contains("Content Security Policy")) {
                    cspReports++;
                    System.out.println("hostile catalog: " + where + ": CSP report (information): " + entry.getMessage());
                }
            }
            return problems;
        }

        private static JsonNode readTree(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable performance log entry: " + text, e);
            }
        }
    }
}
