package org.slmhub.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Browser search: runs the pinned Pagefind release through {@code npx} over the built site. Pagefind
 * indexes the elements marked {@code data-pagefind-body} (model pages) with their filters and sorts.
 */
public final class Pagefind {
    public static final String VERSION = "1.6.0";
    public static final String MISSING = "browser search needs Node.js (npx) to run Pagefind " + VERSION
            + ": install Node.js 20 (Debian: apt-get install nodejs npm), or build with --no-search";

    private Pagefind() {
    }

    public static List<String> command(Path site) {
        // --prefer-offline: the version is pinned, so a cached copy is the same program
        return List.of("npx", "--yes", "--prefer-offline", "pagefind@" + VERSION, "--site", site.toString());
    }

    /** Runs Pagefind; returns its summary ("26 pages, 1715 words, 7 filters, 2 sorts"). */
    public static String index(Path site) throws IOException, InterruptedException {
        return run(command(site));
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(MISSING, e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("Pagefind did not finish in 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException("Pagefind failed (exit " + p.exitValue() + "): " + lastLine(output));
        }
        return String.join(", ", output.lines().map(String::strip).filter(l -> l.startsWith("Indexed ") && !l.contains("language"))
                .map(l -> l.substring("Indexed ".length())).toList());
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

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
