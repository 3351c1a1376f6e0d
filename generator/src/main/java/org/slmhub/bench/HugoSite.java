package org.slmhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slmhub.catalog.ModelManifest;

/**
 * The reference the site's rendering is measured against: the same catalog as a Hugo site of simple
 * model pages (facts and files from front matter, the card as Markdown), built by the {@code hugo} on
 * this machine (Debian 12: {@code apt-get install hugo}, 0.111). Timed beside rendering in one run, the
 * two are compared as a ratio, since the shared host's speed changes by the hour.
 */
public final class HugoSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            baseURL = "/"
            title = "models"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
            """;
    private static final String BASE_LAYOUT = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><nav><a href="/">models</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>
            """;
    private static final String SINGLE_LAYOUT = """
            {{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.id }}</p><p>{{ .Params.summary }}</p>
            <table><tr><th>Parameters</th><td>{{ .Params.parameters }}</td></tr><tr><th>Context</th><td>{{ .Params.context_length }}</td></tr>
            <tr><th>Architecture</th><td>{{ .Params.architecture }}</td></tr><tr><th>License</th><td>{{ .Params.license }}</td></tr>
            <tr><th>Task</th><td>{{ .Params.pipeline_tag }}</td></tr><tr><th>Languages</th><td>{{ delimit .Params.languages ", " }}</td></tr></table>
            <table>{{ range .Params.artifacts }}<tr><td>{{ .quantization }}</td><td>{{ .format }}</td><td>{{ .size }}</td><td>{{ .sha256 }}</td>
            <td><a href="{{ .url }}">{{ .file }}</a></td></tr>{{ end }}</table>
            <div class="card">{{ .Content }}</div>{{ end }}
            """;
    private static final String LIST_LAYOUT = """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            """;

    private HugoSite() {
    }

    /** The {@code hugo} on the PATH, if any. */
    public static Optional<Path> hugo() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path exe = Path.of(dir, "hugo");
            if (Files.isExecutable(exe)) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    /** Writes the site's configuration, layouts and one content file per model under {@code dir}. */
    public static void write(List<ModelManifest> models, Path dir) throws IOException {
        Path layouts = Files.createDirectories(dir.resolve("layouts/_default"));
        Files.writeString(dir.resolve("config.toml"), CONFIG);
        Files.writeString(layouts.resolve("baseof.html"), BASE_LAYOUT);
        Files.writeString(layouts.resolve("single.html"), SINGLE_LAYOUT);
        Files.writeString(layouts.resolve("list.html"), LIST_LAYOUT);
        for (ModelManifest m : models) {
            Map<String, Object> front = new LinkedHashMap<>();
            front.put("title", m.name());
            front.put("id", m.id());
            front.put("summary", m.summary());
            front.put("license", m.license());
            front.put("parameters", m.parameters());
            front.put("context_length", m.contextLength());
            front.put("architecture", m.architecture());
            front.put("pipeline_tag", m.pipelineTag());
            front.put("languages", m.languages());
            front.put("artifacts", m.artifacts().stream().map(a -> Map.of("file", a.file(), "format", a.format(),
                    "quantization", a.quantization() == null ? "" : a.quantization(), "size", a.size(), "sha256", a.sha256(), "url", a.url())).toList());
            Path file = dir.resolve("content/models/" + m.id() + ".md");
            Files.createDirectories(file.getParent());
            // Hugo reads a JSON object at the top of a content file as its front matter
            Files.writeString(file, JSON.writeValueAsString(front) + "\n\n" + (m.card() == null ? "" : m.card()), StandardCharsets.UTF_8);
        }
    }

    /** Builds the site into {@code out}, which must not exist yet; returns the wall time in milliseconds. */
    public static long build(Path hugo, Path dir, Path out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(hugo.toString(), "--quiet", "-s", dir.toString(), "-d", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("hugo failed: " + output.strip());
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** What {@code hugo version} prints first, for the figures. */
    public static String version(Path hugo) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(hugo.toString(), "version").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(1, TimeUnit.MINUTES);
        return output.lines().findFirst().orElse("hugo");
    }
}
