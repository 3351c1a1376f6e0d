package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;
import org.slmhub.smoke.TinyManifests;

/**
 * A valid catalog whose every free-text field carries an XSS payload from
 * {@code hostile/xss-payloads.txt}: model {@code xss/pNN} holds payload NN in its card (as a raw HTML
 * block, inline in a paragraph, a quote and a list item), name, publisher, summary, datasets,
 * requires, smoke prompt and expectation, evaluation benchmark and metric; its Git author and smoke
 * output carry it too. The corpus's URL payloads go round the URL fields (license_link, links,
 * evaluation sources, artifact URLs), and every model derives from the one before it, so lineage
 * shows payload names. The validator accepts all of it: a site is built from it.
 */
record HostileCatalog(Path models, Path smokeReport, List<String> payloads) {
    static final String CORPUS = "/hostile/xss-payloads.txt";

    static List<String> corpus() throws IOException {
        try (InputStream in = HostileCatalog.class.getResourceAsStream(CORPUS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /** The payloads that are valid https URLs, for the fields the schema requires to be URLs. */
    static List<String> urls(List<String> payloads) {
        return payloads.stream().filter(p -> p.startsWith("https://")).toList();
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "xss/p%02d", i);
    }

    /** Writes the catalog under {@code dir} (models/, a Git history, smoke.json). */
    static HostileCatalog write(Path dir) throws IOException {
        List<String> payloads = corpus();
        List<String> urls = urls(payloads);
        Path models = dir.resolve("models");
        ArrayNode results = new ObjectMapper().createArrayNode();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (int i = 0; i < payloads.size(); i++) {
                String p = payloads.get(i);
                TinyManifests.write(models, id(i), manifest(i, p, urls.get(i % urls.size())));
                PersonIdent author = new PersonIdent(p, "p" + i + "@example.org");
                git.add().addFilepattern("models").call();
                git.commit().setMessage("add " + id(i)).setAuthor(author).setCommitter(author).setSign(false).call();
                ObjectNode r = results.addObject().put("id", id(i)).put("status", i % 3 == 0 ? p : "passed")
                        .put("text", p).put("tokens_per_second", 12.5).put("peak_rss_bytes", 1 << 20).put("date", "2026-01-02T03:04:05Z");
                r.putObject("artifact").put("quantization", p);
            }
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        Path report = dir.resolve("smoke.json");
        ObjectNode root = new ObjectMapper().createObjectNode().put("format", 1);
        root.set("results", results);
        Files.writeString(report, root.toString());
        return new HostileCatalog(models, report, payloads);
    }

    /** Builds the site into {@code out} under base URL {@code base}, with Pagefind or without; asserts the build passed. */
    CliRun build(Path out, String base, boolean search) {
        List<String> args = new ArrayList<>(List.of("build", "--catalog", models.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", out.toString(), "--base-url", base, "--smoke-report", smokeReport.toString()));
        if (!search) {
            args.add("--no-search");
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    /** The card: the payload alone (an HTML block), inline, quoted, listed, then a link to the URL and the required sections. */
    static String card(String p, String url) {
        return p + "\n\nInline in a paragraph: " + p + " and after it.\n\n> " + p + "\n\n- " + p + "\n\n"
                + "[a link](" + url + ") and <" + url + ">\n\n"
                + "## Intended use\nHostile-input tests.\n\n## Limitations\nNone.\n\n## Training data\nNone.\n\n## Bias and risks\nNone.\n";
    }

    private static String manifest(int i, String p, String url) {
        String license = i % 2 == 0 ? "license: MIT\n" : "license: other\nlicense_name: xss-license\nlicense_link: " + q(url) + "\n";
        String lineage = i == 0 ? "" : "base_model: [" + id(i - 1) + "]\nbase_model_relation: finetune\n";
        return "schema: 1\n"
                + "id: " + id(i) + "\n"
                + "name: " + q(p) + "\n"
                + "publisher: " + q(p) + "\n"
                + "summary: " + q("Payload " + i + ": " + p) + "\n"
                + license
                + "languages: [en]\n"
                + "pipeline_tag: text-generation\n"
                + "tags: [xss" + tag(p).map(t -> ", " + t).orElse("") + "]\n"
                + "architecture: llama\n"
                + "parameters: " + (1000 + i) + "\n"
                + "context_length: 512\n"
                + lineage
                + "datasets: [" + q(p) + "]\n"
                + "requires: {engine: llama.cpp, min_version: " + q(p) + ", note: " + q(p) + "}\n"
                + "card: " + q(card(p, url)) + "\n"
                + "artifacts:\n"
                + "  - file: p" + i + ".gguf\n"
                + "    format: gguf\n"
                + "    quantization: Q8_0\n"
                + "    url: " + q(url) + "\n"
                + "    sha256: " + q(TinyManifests.sha256(("payload " + i).getBytes(StandardCharsets.UTF_8))) + "\n"
                + "    size: " + (1000 + i) + "\n"
                + "smoke: {prompt: " + q(p) + ", max_tokens: 8, expect: {contains: " + q(p) + "}}\n"
                + "evaluations:\n"
                + "  - {benchmark: " + q(p) + ", metric: " + q(p) + ", value: " + i + ", source: " + q(url) + "}\n"
                + "links: {homepage: " + q(url) + ", repository: " + q(url) + ", paper: " + q(url) + ", sources: [" + q(url) + "]}\n";
    }

    /** Tags allow only lowercase words joined by '-': the payload's letters and digits in that form. */
    private static java.util.Optional<String> tag(String p) {
        String t = p.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.+]+", "-").replaceAll("^[^a-z0-9]+|-+$", "");
        t = t.length() > 40 ? t.substring(0, 40).replaceAll("-+$", "") : t;
        return t.isEmpty() || t.equals("xss") ? java.util.Optional.empty() : java.util.Optional.of(t);
    }

    /** A YAML double-quoted scalar that reads back as exactly {@code s}. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
