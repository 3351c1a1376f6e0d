package org.slmhub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.slmhub.bench.HugoSite;
import org.slmhub.bench.Median;
import org.slmhub.bench.SyntheticCatalog;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.site.SiteBuild;
import org.slmhub.site.SiteOptions;
import org.slmhub.validate.Validator;
import org.slmhub.site.Pagefind;

/**
 * {@code slmhub bench site}: builds the site of a synthetic catalog in fresh JVMs, as users run it,
 * and prints wall time and peak memory (VmHWM from /proc, polled) of a full build, of a rebuild after
 * one manifest changed (several, with their median), and, where Pagefind runs offline, of full
 * builds with search (three, into new folders) and of three rebuilds with search after an edit, plus
 * an estimate of what a browser downloads for its first search.
 */
final class SiteBench {
    private SiteBench() {
    }

    record Run(long wallMillis, long jvmPeakBytes, long childPeakBytes, List<String> stages) {
    }

    /** Full builds with Pagefind, each into a new folder: the host is shared, so one run is not a figure. */
    static final int SEARCH_BUILDS = 3;

    /** @param rebuilds how many fresh-JVM rebuilds after an edit to time (at least 1) */
    static void run(int models, int rebuilds, Path dir, PrintWriter out) throws IOException, InterruptedException {
        Path catalog = dir.resolve("models");
        long t0 = System.nanoTime();
        SyntheticCatalog.write(catalog, models, 42);
        out.printf("synthetic catalog: %d manifests in %s (written in %d ms)%n", models, catalog, (System.nanoTime() - t0) / 1_000_000);
        renderOnly(catalog, dir, out);
        report(out, "full build, --no-search", build(catalog, dir.resolve("site"), false));
        report(out, "rebuild, nothing changed", build(catalog, dir.resolve("site"), false));
        Path one;
        try (Stream<Path> walk = Files.walk(catalog)) {
            one = walk.filter(p -> p.getFileName().toString().equals("model.yaml")).findFirst().orElseThrow();
        }
        timeRebuilds(catalog, dir.resolve("site"), one, Math.max(1, rebuilds), false, out);
        serveRebuilds(catalog, dir.resolve("site"), one, out);
        if (Pagefind.availableOffline()) {
            List<Long> walls = new ArrayList<>();
            for (int i = 1; i <= SEARCH_BUILDS; i++) {
                Run r = build(catalog, dir.resolve("site-search-" + i), true);
                report(out, "full build " + i + " with Pagefind", r);
                walls.add(r.wallMillis());
            }
            summary(out, "full build with Pagefind", walls);
            // with search, an edit makes one record, and Pagefind indexes all of them again (it has no update)
            timeRebuilds(catalog, dir.resolve("site-search-1"), one, SEARCH_BUILDS, true, out);
            out.printf("first search, estimated transfer: %d KB (%s)%n", firstSearchBytes(dir.resolve("site-search-1/pagefind")) / 1024,
                    "/models/ page, site.js+css, pagefind.js, entry (gzipped), wasm, meta, largest index chunk, 10 largest fragments");
        } else {
            out.println("Pagefind " + Pagefind.VERSION + " is not in the npm cache: builds with search not measured (run npx --yes pagefind@"
                    + Pagefind.VERSION + " --version once)");
        }
        out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
    }

    /** {@code count} fresh-JVM rebuilds of {@code site}, each after an edit of {@code manifest}'s summary: each, then their median. */
    private static void timeRebuilds(Path catalog, Path site, Path manifest, int count, boolean search, PrintWriter out)
            throws IOException, InterruptedException {
        String with = search ? " with Pagefind" : "";
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("\nsummary: (Changed \\d+\\. )?", "\nsummary: Changed " + i + ". "));
            Run r = build(catalog, site, search);
            report(out, "rebuild " + i + with + ", one manifest changed", r);
            walls.add(r.wallMillis());
        }
        summary(out, "rebuild" + with + ", one manifest changed", walls);
    }

    private static void summary(PrintWriter out, String what, List<Long> walls) {
        LongSummaryStatistics range = walls.stream().mapToLong(Long::longValue).summaryStatistics();
        out.printf("%s: median %.0f ms wall (%d-%d ms) over %d fresh JVMs%n", what, Median.of(walls), range.getMin(), range.getMax(), walls.size());
        out.flush();
    }

    /**
     * {@code slmhub serve} on the built site: edits one manifest three times and times each rebuild,
     * from the edit to "site rebuilt" (includes the watcher's debounce), in the same warm JVM.
     */
    private static void serveRebuilds(Path catalog, Path site, Path manifest, PrintWriter out) throws IOException, InterruptedException {
        List<String> cmd = javaCommand("serve", "--catalog", catalog.toString(), "--out", site.toString(), "--no-search", "--port", "0");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
                        .lines().forEach(lines::add);
            } catch (java.io.UncheckedIOException e) {
                // the stream closes when serve is stopped
            }
        }, "bench-serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "serving ", 600);
            for (int i = 1; i <= 3; i++) {
                Thread.sleep(1_000); // let the watcher settle
                List<String> stages = new ArrayList<>();
                long t0 = System.nanoTime();
                Files.writeString(manifest, Files.readString(manifest).replaceFirst("\nsummary: ", "\nsummary: Edit " + i + ". "));
                for (String line = awaitLine(lines, "", 120); !line.startsWith("serve: "); line = awaitLine(lines, "", 120)) {
                    if (line.startsWith("build: ")) {
                        stages.add(line);
                    }
                }
                long wall = (System.nanoTime() - t0) / 1_000_000;
                out.printf("serve, rebuild %d after one manifest changed: %d ms from the edit (debounce %d ms included), peak RSS %d MiB%n",
                        i, wall, ServeCommand.DEBOUNCE_MILLIS, highWater(p.pid()) >> 20);
                stages.forEach(s -> out.println("    " + s));
                out.flush();
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String awaitLine(java.util.concurrent.BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new UsageException("slmhub serve printed no line starting with '" + prefix + "' in " + seconds + " s");
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(LauncherFlags.JVM);
        // the launcher's class-data archive, when this runs from its jar (./slmhub bench)
        Path archive = Path.of(System.getProperty("java.class.path")).resolveSibling("slmhub.jsa");
        if (System.getProperty("java.class.path").endsWith("slmhub.jar") && Files.isRegularFile(archive)) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Rendering alone, in this JVM after loading the catalog, three times (the first includes JIT
     * warm-up); where {@code hugo} is on the PATH, each run alternates with Hugo building the same
     * catalog as simple pages ({@link HugoSite}), and the medians are compared.
     */
    private static void renderOnly(Path catalog, Path dir, PrintWriter out) throws IOException, InterruptedException {
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        List<CatalogEntry> entries = new Validator().validate(files.manifests(), List.of(), files.misplaced()).entries();
        SiteOptions options = new SiteOptions(Path.of("").toAbsolutePath(), "/", SiteOptions.DEFAULT_REPO_URL, "slmhub");
        Optional<Path> hugo = HugoSite.hugo();
        if (hugo.isPresent()) {
            HugoSite.write(entries.stream().map(CatalogEntry::manifest).toList(), dir.resolve("hugo"));
            out.println("reference: " + HugoSite.version(hugo.get()));
        } else {
            out.println("hugo is not on the PATH: rendering not compared with it (Debian 12: apt-get install hugo)");
        }
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long[] r = SiteBuild.renderOnly(entries, options, dir.resolve("render-only-" + i));
            out.printf("render only, run %d: %d pages in %d ms (plan excluded; nothing else running)%n", i, r[0], r[1]);
            ours.add(r[1]);
            if (hugo.isPresent()) {
                long wall = HugoSite.build(hugo.get(), dir.resolve("hugo"), dir.resolve("hugo/public-" + i));
                out.printf("hugo, run %d: %d simple model pages in %d ms (a fresh process: reading content included)%n", i, entries.size(), wall);
                theirs.add(wall);
            }
            out.flush();
        }
        if (hugo.isPresent()) {
            out.printf("render only against hugo: medians %.0f ms and %.0f ms, ratio %.2f (below 1: faster than hugo)%n",
                    Median.of(ours), Median.of(theirs), Median.of(ours) / Median.of(theirs));
        }
    }

    private static void report(PrintWriter out, String what, Run r) {
        out.printf("%s: %d ms wall, peak RSS %d MiB (JVM)%s%n", what, r.wallMillis(), r.jvmPeakBytes() >> 20,
                r.childPeakBytes() > 0 ? ", " + (r.childPeakBytes() >> 20) + " MiB (Pagefind)" : "");
        r.stages().forEach(s -> out.println("    " + s));
        out.flush();
    }

    private static Run build(Path catalog, Path site, boolean search) throws IOException, InterruptedException {
        List<String> cmd = javaCommand("build", "--catalog", catalog.toString(), "--out", site.toString());
        if (!search) {
            cmd.add("--no-search");
        }
        Path log = Files.createTempFile("slmhub-bench-site", ".log");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Map<Long, Long> peaks = new HashMap<>();
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                peaks.merge(p.pid(), highWater(p.pid()), Math::max);
                p.descendants().forEach(d -> peaks.merge(d.pid(), highWater(d.pid()), Math::max));
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            List<String> lines = Files.readAllLines(log);
            if (p.exitValue() != 0) {
                throw new UsageException("the site build failed (exit " + p.exitValue() + "): " + String.join(" | ", lines));
            }
            long jvm = peaks.getOrDefault(p.pid(), 0L);
            long child = peaks.entrySet().stream().filter(e -> e.getKey() != p.pid()).mapToLong(Map.Entry::getValue).max().orElse(0);
            return new Run(wall, jvm, child, lines.stream().filter(l -> l.startsWith("build") || l.startsWith("built")).toList());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** VmHWM (peak resident set) of a live process, in bytes; 0 when it has gone or this is not Linux. */
    private static long highWater(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between polls
        }
        return 0;
    }

    /**
     * What a browser downloads for a first search on /models/ without filters, estimated from file
     * sizes: the page, site.js and site.css; then pagefind.js, its entry file, the wasm and metadata
     * of the site's main language, the largest index chunk (a one-word query needs one) and the 10
     * largest fragments (the first results). Text files count gzipped, as static hosts serve them;
     * Pagefind's own data files are compressed already.
     */
    static long firstSearchBytes(Path pagefind) throws IOException {
        Path site = pagefind.getParent();
        long total = 0;
        for (Path text : List.of(site.resolve("models/index.html"), site.resolve("site.js"), site.resolve("site.css"),
                pagefind.resolve("pagefind.js"), pagefind.resolve("pagefind-entry.json"))) {
            total += gzipped(text);
        }
        JsonNode language = null;
        for (JsonNode l : new ObjectMapper().readTree(pagefind.resolve("pagefind-entry.json").toFile()).get("languages")) {
            language = language == null || l.get("page_count").asInt() > language.get("page_count").asInt() ? l : language;
        }
        if (language == null) {
            return total;
        }
        String hash = language.get("hash").asText();
        String prefix = hash.substring(0, hash.indexOf('_') + 1);
        total += Files.size(pagefind.resolve("wasm." + language.get("wasm").asText() + ".pagefind"));
        total += Files.size(pagefind.resolve("pagefind." + hash + ".pf_meta"));
        total += sizes(pagefind.resolve("index"), prefix).stream().mapToLong(Long::longValue).max().orElse(0);
        total += sizes(pagefind.resolve("fragment"), prefix).stream().sorted(Comparator.reverseOrder()).limit(10).mapToLong(Long::longValue).sum();
        return total;
    }

    private static long gzipped(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            Files.copy(file, gzip);
        }
        return bytes.size();
    }

    private static List<Long> sizes(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).map(SiteBench::size).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
