package org.slmhub.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Browser search: the pinned Pagefind release, run through {@code npx}, indexes one small HTML file
 * per model ({@link SearchRecord#html()}) that the build writes to a temporary folder before the
 * pages render; Pagefind then indexes while they do. The folder goes as soon as Pagefind has read it.
 */
public final class Pagefind {
    public static final String VERSION = "1.6.0";
    public static final String MISSING = "browser search needs Node.js (npx) to run Pagefind " + VERSION
            + ": install Node.js 20 (Debian: apt-get install nodejs npm), or build with --no-search";
    /** What Pagefind prints once it has read every page: its pages can go while it writes the index. */
    static final String PAGES_READ = "[Reading languages]";
    /**
     * Up to this many pages, each page's result fragment is a file of its own; beyond it Pagefind
     * bundles about {@value #FRAGMENTS_PER_FILE} into a file ({@code --max-fragments}). At 10,000 models
     * that is 1,000 files instead of 10,000: 0.7-1 s less of Pagefind's CPU (most of it the kernel making
     * files), and 9,000 fewer files to upload, while a first search's 10 results cost 17-38 KB more.
     */
    static final int SEPARATE_FRAGMENTS = 1000;
    static final int FRAGMENTS_PER_FILE = 10;
    /** Room the pages take in memory, with a margin: a page of 4 KB per model (10,000 models: 40 MB). */
    private static final long MEMORY_NEEDED = 512L << 20;

    private Pagefind() {
    }

    /** An indexer that writes {@code pagefind/} under the site folder; see {@link Indexer}. */
    public static Indexer start(Path site) throws IOException {
        return start(site, SEPARATE_FRAGMENTS);
    }

    /** The same, with fragments bundled beyond {@code separateFragments} pages (tests bundle a few). */
    static Indexer start(Path site, int separateFragments) throws IOException {
        Path output = site.resolve("pagefind");
        return new Indexer(pages -> command(pages, output), pagesFolder(), output, separateFragments);
    }

    /**
     * Pagefind's arguments that bundle the fragments of {@code pages} pages: none up to
     * {@code separate} pages, else a file count that puts about {@value #FRAGMENTS_PER_FILE} in each.
     */
    static List<String> fragmentArguments(int pages, int separate) {
        if (pages <= separate) {
            return List.of();
        }
        int files = Math.max(separate, (pages + FRAGMENTS_PER_FILE - 1) / FRAGMENTS_PER_FILE);
        return List.of("--max-fragments", Integer.toString(files));
    }

    /**
     * A new folder for the pages, in memory (Linux's /dev/shm) where that has room: 10,000 small files
     * and their folders written and deleted on a disk cost seconds of waiting (deleting them took 5-17 s
     * on the 2-core machine's ext4), in memory a fraction of one. Elsewhere, the system's temporary folder.
     */
    static Path pagesFolder() throws IOException {
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory) && Files.getFileStore(memory).getUsableSpace() > MEMORY_NEEDED) {
            return Files.createTempDirectory(memory, "slmhub-pagefind");
        }
        return Files.createTempDirectory("slmhub-pagefind");
    }

    /**
     * The executable an earlier npx run left in npm's cache when it is there ({@link PagefindBinary});
     * else npx, with --prefer-offline: the version is pinned, so a cached copy is the same program. Not
     * --quiet: its progress lines say when it has read the pages ({@link #PAGES_READ}).
     */
    static List<String> command(Path pages, Path output) {
        List<String> args = List.of("--site", pages.toAbsolutePath().toString(), "--output-path", output.toAbsolutePath().toString());
        List<String> command = new ArrayList<>();
        PagefindBinary.inNpxCache(VERSION, System.getenv(), System.getProperty("os.name"), System.getProperty("os.arch"))
                .ifPresentOrElse(exe -> command.add(exe.toString()), () -> command.addAll(List.of("npx", "--yes", "--prefer-offline", "pagefind@" + VERSION)));
        command.addAll(args);
        return command;
    }

    /**
     * A search index in the making: {@link #add} one record per page (from any thread), then
     * {@link #index()} starts Pagefind on them, and {@link #finish()} waits for it. The pages folder
     * is deleted once Pagefind has read it (while it writes the index: deleting 10,000 files is not
     * free), when it ends, fails or cannot start, by {@link #close()}, and when the JVM is stopped
     * before that (Ctrl-C): a folder in memory would otherwise hold its RAM until a reboot.
     */
    public static final class Indexer implements AutoCloseable {
        private final Function<Path, List<String>> command;
        private final Path pages;
        private final Path output;
        private final int separateFragments;
        private final AtomicInteger records = new AtomicInteger();
        private final StringBuilder log = new StringBuilder();
        private final Thread onExit = new Thread(this::closeQuietly, "slmhub-pagefind-cleanup");
        private final Object deleting = new Object();
        private volatile Process process;
        private Thread reader;

        /** @param command the command line that indexes the pages folder it is given */
        Indexer(Function<Path, List<String>> command, Path pages, Path output) {
            this(command, pages, output, SEPARATE_FRAGMENTS);
        }

        Indexer(Function<Path, List<String>> command, Path pages, Path output, int separateFragments) {
            this.command = command;
            this.pages = pages;
            this.output = output;
            this.separateFragments = separateFragments;
            Runtime.getRuntime().addShutdownHook(onExit);
        }

        /** Writes the record's file; many threads may add at once. */
        void add(SearchRecord record) throws IOException {
            add(record.path(), record.html().getBytes(StandardCharsets.UTF_8));
        }

        /** Writes a record's file from its bytes ({@link SearchRecord#html()} in UTF-8) at its page's path. */
        void add(String path, byte[] html) throws IOException {
            Path file = pages.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, html);
            records.incrementAndGet();
        }

        /** Starts Pagefind on the records added so far; it writes the index while the build goes on. */
        public synchronized void index() throws IOException {
            if (process != null || records.get() == 0) {
                return;
            }
            try {
                // run in the pages folder: Pagefind reads a pagefind.yml or .json it finds in its working folder
                List<String> line = new ArrayList<>(command.apply(pages));
                line.addAll(fragmentArguments(records.get(), separateFragments));
                process = new ProcessBuilder(line).directory(pages.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                deletePages();
                throw new IOException(MISSING, e);
            }
            process.getOutputStream().close(); // Pagefind reads files, not its input
            reader = new Thread(this::collectOutput, "slmhub-pagefind-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Starts Pagefind if that was not done, waits for the index and deletes the pages; returns a summary ("26 pages"). */
        public synchronized String finish() throws IOException, InterruptedException {
            if (records.get() == 0) {
                // Pagefind makes no index of no pages: an earlier index would list models that are gone
                deletePages();
                deleteTree(output);
                return "0 pages";
            }
            index();
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IOException("Pagefind did not finish in 10 minutes");
                }
                reader.join(TimeUnit.MINUTES.toMillis(1)); // its output ends, and so does an early deletion of the pages
                if (process.exitValue() != 0) {
                    throw new IOException("Pagefind failed (exit " + process.exitValue() + "): " + lastLines(log()));
                }
            } finally {
                deletePages();
            }
            return records.get() + " pages";
        }

        private void collectOutput() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.strip().equals(PAGES_READ)) {
                        deletePagesEarly();
                    }
                }
            } catch (IOException e) {
                // the process was stopped (close()): its output ends here
            }
        }

        private void deletePagesEarly() {
            try {
                deletePages();
            } catch (IOException e) {
                // finish() deletes them again, and says why that failed
            }
        }

        private String log() {
            synchronized (log) {
                return log.toString();
            }
        }

        /** One deletion at a time: the output reader, finish() and close() may each start one. */
        private void deletePages() throws IOException {
            synchronized (deleting) {
                deleteTree(pages);
            }
        }

        /** Stops Pagefind if it runs (a failed build) and deletes the pages; from any thread, more than once. */
        @Override
        public void close() throws IOException {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is stopping: the hook is this very call
            }
            Process running = process;
            if (running != null && running.isAlive()) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
            deletePages();
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // the JVM is stopping: nothing can report it
            }
        }
    }

    /** Deletes a folder and everything in it; nothing if it is absent. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
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

    /** The last three different lines (Pagefind prints an error on both its outputs, which arrive as one). */
    static String lastLines(String output) {
        List<String> lines = output.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> last = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && last.size() < 3; i--) {
            if (!last.contains(lines.get(i))) {
                last.add(0, lines.get(i));
            }
        }
        return last.isEmpty() ? "no output" : String.join(" | ", last);
    }
}
