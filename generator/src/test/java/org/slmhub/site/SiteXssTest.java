package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;

/**
 * The hostile catalog ({@link HostileCatalog}) built without a browser: the payloads show as text
 * on the pages, never as markup (no script, handler, javascript: link, frame or foreign load), the
 * JSON files carry them intact as data, and every template escapes by default.
 */
class SiteXssTest {
    private static final String BASE = "/slmhub/";
    /** The layout's policy: the site's own scripts (and Pagefind's WebAssembly), nothing inline, nothing foreign. */
    private static final String POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    /** Elements no page of the site has of its own, so any of them came from a payload. */
    private static final String FOREIGN_ELEMENTS = "iframe, frame, frameset, object, embed, applet, base, svg, math, style, img, "
            + "audio, video, source, marquee, textarea, noscript, template, xss, input:not(#search-input)";
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "data", "srcset", "poster",
            "background", "xlink:href", "values", "to", "from");
    private static final Pattern BAD_SCHEME = Pattern.compile("^(javascript|vbscript|data|livescript):.*", Pattern.DOTALL);

    @TempDir
    static Path tmp;
    static HostileCatalog catalog;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        catalog = HostileCatalog.write(tmp);
        out = tmp.resolve("site");
        catalog.build(out, BASE, false);
    }

    @Test
    void theCorpusCoversTheAttackKinds() {
        List<String> p = catalog.payloads();
        System.out.println("hostile catalog: " + p.size() + " payloads, " + HostileCatalog.urls(p).size() + " of them URLs");
        assertTrue(p.size() >= 40, p.size() + " payloads");
        for (String kind : List.of("<script", "onerror=", "onload=", "ontoggle=", "onfocus=", "javascript:", "vbscript:", "data:text/html",
                "<svg", "foreignObject", "<animate", "expression(", "url(javascript:", "<iframe srcdoc", "<object", "<embed", "<form action",
                "http-equiv=\"refresh\"", "<base href", "\"><script>", "${7*7}", "<#assign", "\"},{", "evil.example/x>", "//evil.example")) {
            assertTrue(p.stream().anyMatch(s -> s.contains(kind)), "no payload with " + kind);
        }
        assertTrue(HostileCatalog.urls(p).size() >= 3, "URL payloads for the URL fields");
    }

    @Test
    void everyPayloadShowsAsTextOnItsModelPage() throws IOException {
        List<String> p = catalog.payloads();
        for (int i = 0; i < p.size(); i++) {
            Document page = SiteFixture.page(out, "models/" + HostileCatalog.id(i) + "/index.html");
            String at = HostileCatalog.id(i) + ": ";
            assertEquals(p.get(i), page.getElementById("model-name").wholeText(), at + "name");
            assertEquals("Payload " + i + ": " + p.get(i), page.getElementById("model-summary").wholeText(), at + "summary");
            assertEquals(p.get(i), page.selectFirst("p.crumbs a").wholeText(), at + "publisher");
            assertEquals(p.get(i), page.selectFirst("#smoke-text").wholeText(), at + "smoke output");
            assertEquals(List.of(p.get(i), p.get(i)), page.select("#evaluations td").subList(0, 2).stream().map(Element::wholeText).toList(),
                    at + "evaluation");
            assertTrue(page.selectFirst("#history").wholeText().contains(p.get(i).replaceAll("[<>\n]", "").strip()), at + "Git author");
            if (i > 0) {
                assertEquals(HostileCatalog.id(i - 1), page.selectFirst("#lineage a.base-model").wholeText(), at + "base model");
            }
            if (i < p.size() - 1) {
                assertEquals(p.get(i + 1), page.selectFirst("#lineage a.derivative").wholeText(), at + "derivative's name");
            }
        }
    }

    @Test
    void noPayloadBecomesMarkupOnAnyPage() throws IOException {
        List<Path> pages = SiteFixture.htmlFiles(out);
        List<String> problems = new ArrayList<>();
        for (Path file : pages) {
            String where = out.relativize(file).toString();
            String raw = Files.readString(file);
            Document page = Jsoup.parse(raw);
            List<Element> scripts = page.select("script");
            for (Element s : scripts) {
                if (!s.attr("src").equals(BASE + "site.js") || !s.data().isEmpty()) {
                    problems.add(where + ": a script that is not the site's: " + s.outerHtml());
                }
            }
            int rawScripts = count(raw.toLowerCase(Locale.ROOT), "<script");
            if (rawScripts != scripts.size()) {
                problems.add(where + ": " + rawScripts + " '<script' in the HTML text, " + scripts.size() + " script elements");
            }
            for (Element e : page.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    String name = a.getKey().toLowerCase(Locale.ROOT);
                    String value = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                        problems.add(where + ": attribute " + a + " on <" + e.tagName() + ">");
                    } else if (URL_ATTRIBUTES.contains(name) && BAD_SCHEME.matcher(value).matches()) {
                        problems.add(where + ": " + name + "=" + a.getValue() + " on <" + e.tagName() + ">");
                    }
                }
            }
            for (Element e : page.select(FOREIGN_ELEMENTS)) {
                problems.add(where + ": element from a payload: " + e.outerHtml());
            }
            for (Element e : page.select("form:not(#search, #filters, #compare-form), meta[http-equiv]:not([http-equiv=Content-Security-Policy])")) {
                problems.add(where + ": element from a payload: " + e.outerHtml());
            }
            for (Element link : page.select("link")) {
                if (!link.attr("href").equals(BASE + "site.css") && !link.attr("href").equals(BASE + "feed.xml")) {
                    problems.add(where + ": a link element that is not the site's: " + link.outerHtml());
                }
            }
        }
        System.out.println("hostile catalog: " + pages.size() + " pages checked for payload markup");
        assertTrue(pages.size() > catalog.payloads().size(), pages.size() + " pages");
        assertEquals(List.of(), problems);
    }

    /** Payload publishers make unusual slugs: each model's publisher link leads to a listing of it, and no two publishers share one. */
    @Test
    void payloadPublishersGetListingsOfTheirOwn() throws IOException {
        List<String> listed = SiteFixture.page(out, "publishers/index.html").select("#values a").eachAttr("href");
        assertEquals(new HashSet<>(listed).size(), listed.size(), "publishers sharing a listing page: " + listed);
        int models = 0;
        for (String href : listed) {
            models += SiteFixture.page(out, href.substring(BASE.length()) + "index.html").select("tr.model-row").size();
        }
        assertEquals(catalog.payloads().size(), models, "every model is listed under its publisher once");
        for (int i = 0; i < catalog.payloads().size(); i++) {
            String id = HostileCatalog.id(i);
            String crumb = SiteFixture.page(out, "models/" + id + "/index.html").selectFirst("p.crumbs a").attr("href");
            Document listing = SiteFixture.page(out, crumb.substring(BASE.length()) + "index.html");
            assertEquals(1, listing.select("tr.model-row[data-id=" + id + "]").size(), id + " in " + crumb);
        }
    }

    @Test
    void everyPageSendsTheStrictPolicyBeforeAnyContributorText() throws IOException {
        for (Path file : SiteFixture.htmlFiles(out)) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            Element policy = page.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertEquals(POLICY, policy == null ? null : policy.attr("content"), file.toString());
            // a meta policy governs only what follows it: nothing but charset and viewport may come first
            List<String> before = policy.previousElementSiblings().stream().map(e -> e.tagName() + (e.hasAttr("charset") ? "[charset]"
                    : e.hasAttr("name") ? "[" + e.attr("name") + "]" : "")).toList();
            assertTrue(Set.of("meta[charset]", "meta[viewport]").containsAll(before), file + ": before the policy: " + before);
        }
        assertFalse(POLICY.contains("unsafe-inline") || POLICY.replace("'wasm-unsafe-eval'", "").contains("unsafe-eval"), POLICY);
    }

    @Test
    void apiJsonAndFeedCarryThePayloadsIntactAsData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> p = catalog.payloads();
        JsonNode index = json.readTree(out.resolve("api/models.json").toFile());
        assertEquals(p.size(), index.get("models").size());
        for (int i = 0; i < p.size(); i++) {
            String id = HostileCatalog.id(i);
            JsonNode entry = index.get("models").get(i);
            assertEquals(id, entry.get("id").asText());
            assertEquals(p.get(i), entry.get("name").asText(), id);
            assertEquals("Payload " + i + ": " + p.get(i), entry.get("summary").asText(), id);
            JsonNode m = json.readTree(out.resolve("api/models/" + id + ".json").toFile());
            for (String field : List.of("/name", "/publisher", "/datasets/0", "/requires/note", "/requires/min_version", "/smoke/prompt",
                    "/smoke/expect/contains", "/evaluations/0/benchmark", "/evaluations/0/metric")) {
                assertEquals(p.get(i), m.at(field).asText(), id + field);
            }
            String url = HostileCatalog.urls(p).get(i % HostileCatalog.urls(p).size());
            assertEquals(HostileCatalog.card(p.get(i), url), m.get("card").asText(), id);
            assertEquals(url, m.at("/artifacts/0/url").asText(), id);
        }
        var parser = DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        var titles = parser.newDocumentBuilder().parse(out.resolve("feed.xml").toFile())
                .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        Set<String> names = new HashSet<>(p);
        for (int i = 1; i < titles.getLength(); i++) { // the first is the feed's own
            String title = titles.item(i).getTextContent().replaceFirst(" \\(updated\\)$", "");
            assertTrue(names.contains(title), "feed entry title is not a payload: " + title);
        }
        assertEquals(Math.min(FeedAndSitemap.FEED_ENTRIES, p.size()) + 1, titles.getLength());
    }

    /** A URL the schema accepts may hold shell syntax: the copy-paste download command must pass it to curl as one word. */
    @Test
    void runSnippetsQuoteTheDownloadUrlForTheShell() throws Exception {
        List<String> p = catalog.payloads();
        int checked = 0;
        for (int i = 0; i < p.size(); i++) {
            String snippet = SiteFixture.page(out, "models/" + HostileCatalog.id(i) + "/index.html")
                    .selectFirst("#run pre[data-tool=llama.cpp]").wholeText();
            Matcher curl = Pattern.compile("^curl -L -o (\\S+) (.+)$", Pattern.MULTILINE).matcher(snippet);
            assertTrue(curl.find(), snippet);
            // the same words given to printf instead of curl: what the shell would pass to curl
            Process sh = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + curl.group(2)).redirectErrorStream(true).start();
            String words = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, sh.waitFor());
            assertEquals(HostileCatalog.urls(p).get(i % HostileCatalog.urls(p).size()) + "\n", words, snippet);
            checked++;
        }
        assertEquals(p.size(), checked);
    }

    @Test
    void everyTemplateEscapesHtmlAndOnlyTrustedHtmlSkipsIt() throws IOException {
        Path templates = TestPaths.repoRoot().resolve("templates");
        List<String> unescaped = new ArrayList<>();
        try (Stream<Path> files = Files.list(templates)) {
            for (Path t : files.filter(f -> f.toString().endsWith(".ftl")).sorted().toList()) {
                String text = Files.readString(t);
                assertTrue(text.startsWith("<#ftl output_format=\"HTML\">"), t + " does not turn on HTML auto-escaping");
                Matcher m = Pattern.compile("\\$\\{([\\w.]+)[^}]*\\?no_esc\\}").matcher(text);
                while (m.find()) {
                    unescaped.add(t.getFileName() + ": " + m.group(1));
                }
                assertEquals(count(text, "?no_esc"), unescaped.stream().filter(u -> u.startsWith(t.getFileName() + ":")).count(), t.toString());
                assertFalse(text.contains("noautoesc") || text.contains("<#outputformat"), t + " turns escaping off for a block");
            }
        }
        // the sanitized card, and the repository's own docs (content/, reviewed like code) as JBake renders them
        assertEquals(List.of("model.ftl: card.html", "page.ftl: content.body"), unescaped);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
