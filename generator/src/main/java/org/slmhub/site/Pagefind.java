package org.slmhub.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Browser search: the pinned Pagefind release, run through {@code npx}, indexes one record per model
 * that the build sends while it renders (no HTML is parsed, and the indexing overlaps the rendering).
 * A small Node script ({@code pagefind/index-records.mjs}) feeds the records to Pagefind's Node API.
 */
public final class Pagefind {
    public static final String VERSION = "1.6.0";
    public static final String MISSING = "browser search needs Node.js (npx) to run Pagefind " + VERSION
            + ": install Node.js 20 (Debian: apt-get install nodejs npm), or build with --no-search";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Pagefind() {
    }

    /** Starts the indexer; it writes {@code pagefind/} under the site folder when {@link Indexer#finish()} is called. */
    public static Indexer start(Path site) throws IOException {
        Path script = Files.createTempFile("slmhub-pagefind", ".mjs");
        try (InputStream in = Pagefind.class.getResourceAsStream("/pagefind/index-records.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        // --prefer-offline: the version is pinned, so a cached copy is the same program
        return new Indexer(command(script, site.resolve("pagefind")), script);
    }

    static List<String> command(Path script, Path output) {
        return List.of("npx", "--yes", "--prefer-offline", "-p", "pagefind@" + VERSION, "node", script.toString(), output.toString());
    }

    /** A record as the line {@link Indexer#addLine} sends. */
    public static String line(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a search record: " + e.getMessage(), e);
        }
    }

    /** A running Pagefind: {@link Indexer#addLine} one record per page, then {@link #finish()}. */
    public static final class Indexer implements AutoCloseable {
        private final Process process;
        private final BufferedWriter input;
        private final Thread reader;
        private final StringBuilder output = new StringBuilder();
        private final Path script;
        private int records;

        Indexer(List<String> command, Path script) throws IOException {
            this.script = script;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                Files.deleteIfExists(script);
                throw new IOException(MISSING, e);
            }
            input = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            reader = new Thread(this::collectOutput, "slmhub-pagefind-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Sends one record made by {@link #line}: url, content, language, meta, filters, sort (Pagefind's custom record). */
        public synchronized void addLine(String line) throws IOException {
            try {
                input.write(line);
                input.write('\n');
                records++;
            } catch (IOException e) {
                throw failure();
            }
        }

        /**
         * Ends the input: Pagefind then writes its index while the build goes on (it otherwise waited
         * for the pages to render, with a core idle). Closing twice is harmless.
         */
        public synchronized void endInput() throws IOException {
            try {
                input.close();
            } catch (IOException e) {
                throw failure();
            }
        }

        /** Ends the input if that was not done, and waits for the index to be written; returns a summary ("26 pages"). */
        public synchronized String finish() throws IOException, InterruptedException {
            endInput();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("Pagefind did not finish in 10 minutes");
            }
            reader.join(5_000);
            if (process.exitValue() != 0) {
                throw failure();
            }
            return records + " pages";
        }

        private IOException failure() {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String code = process.isAlive() ? "still running" : "exit " + process.exitValue();
            return new IOException("Pagefind failed (" + code + "): " + lastLines(output()));
        }

        private void collectOutput() {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (output) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the process was stopped (close()): its output ends here
            }
        }

        private String output() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() throws IOException {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            Files.deleteIfExists(script);
        }
    }

    /** Whether {@code npx} can run the pinned Pagefind without the network (from the npm cache). */
    public static boolean availableOffline() {
        try {
            Process p = new ProcessBuilder("npx", "--yes", "--offline", "pagefind@" + VERSION, "--version")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String lastLines(String output) {
        List<String> lines = new ArrayList<>(output.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return lines.isEmpty() ? "no output" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
