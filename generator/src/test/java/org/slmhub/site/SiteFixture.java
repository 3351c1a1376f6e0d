package org.slmhub.site;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slmhub.TestPaths;

/** A small catalog copied from the seed catalog, and checks over a built site folder. */
public final class SiteFixture {
    public static final List<String> MODELS = List.of(
            "ggml-org/stories260k", "bartowski/smollm2-360m-instruct", "huggingfacetb/smollm2-360m-instruct");
    public static final String SCRIPT = "<script>alert('card')</script>";

    private SiteFixture() {
    }

    /** Writes the three models under {@code dir/models}; the stories260k card carries a script. */
    public static Path catalog(Path dir) throws IOException {
        Path models = dir.resolve("models");
        for (String id : MODELS) {
            String text = Files.readString(TestPaths.repoRoot().resolve("models").resolve(id).resolve("model.yaml"));
            if (id.equals("ggml-org/stories260k")) {
                text = text.replace("  ## Intended use\n", "  " + SCRIPT + " <a href=\"javascript:alert(1)\" onclick=\"x()\">click</a>\n\n  ## Intended use\n");
            }
            Path file = models.resolve(id).resolve("model.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
        return models;
    }

    public static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    public static List<Path> htmlFiles(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".html")).filter(p -> !out.relativize(p).startsWith("pagefind")).sorted().toList();
        }
    }

    /**
     * Every internal href and src in every page, as "page: link" when the file it names is not in
     * the output folder. Links must start with the base URL or be relative to their page.
     */
    public static List<String> brokenLinks(Path out, String base) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : htmlFiles(out)) {
            String pagePath = base + out.relativize(file).toString().replace('\\', '/');
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element e : doc.select("a[href], link[href], script[src]")) {
                String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("mailto:") || link.startsWith("#")) {
                    continue;
                }
                String path = URI.create("http://site" + pagePath).resolve(link.replace(" ", "%20")).getPath();
                if (!path.startsWith(base)) {
                    broken.add(pagePath + ": " + link + " (outside " + base + ")");
                    continue;
                }
                String rel = path.substring(base.length());
                Path target = out.resolve(rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel);
                if (!Files.isRegularFile(target)) {
                    broken.add(pagePath + ": " + link);
                }
            }
        }
        return broken;
    }
}
