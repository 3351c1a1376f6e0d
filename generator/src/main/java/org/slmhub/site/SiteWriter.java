package org.slmhub.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Writes outputs into the site folder, skipping every file whose inputs did not change since the last build. */
final class SiteWriter {
    /**
     * Room for most pages (a model page is 8-20 KB). A new buffer per page: a buffer kept per thread
     * stays a UTF-16 one after a page with a character beyond Latin-1, and every later page on that
     * thread would pay for it (Latin-1 text is copied as bytes).
     */
    private static final int PAGE_CAPACITY = 16 * 1024;
    private final Path out;
    private final BuildState state;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    /** A generated file whose bytes are made only when its key (what it is made of) changed since the last build. */
    record Output(String path, String key, Supplier<byte[]> bytes) {
    }

    SiteWriter(Path out, BuildState state) {
        this.out = out;
        this.state = state;
    }

    /**
     * Renders the pages whose key or templates changed (in parallel); returns how many it rendered.
     * {@code templatesHash} names the templates, site settings and site code.
     */
    int render(List<Page> pages, SiteTemplates templates, String templatesHash) throws IOException {
        AtomicInteger rendered = new AtomicInteger();
        try {
            pages.parallelStream().forEach(page -> {
                String hash = BuildState.contentHash(templatesHash + "\n" + page.template() + "\n" + page.key());
                if (state.changed(out, page.path(), hash)) {
                    try {
                        TextBuffer text = new TextBuffer(PAGE_CAPACITY);
                        templates.render(page, text);
                        Files.write(parentsOf(page.path()), text.utf8());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rendered.incrementAndGet();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rendered.get();
    }

    /** Writes a generated file when its text changed; returns whether it wrote. */
    boolean write(String path, String text) throws IOException {
        if (!state.changed(out, path, BuildState.contentHash(text))) {
            return false;
        }
        Files.writeString(parentsOf(path), text, StandardCharsets.UTF_8);
        return true;
    }

    /** Writes each output whose key changed (its text made now, in parallel); returns how many it wrote. */
    int writeChanged(List<Output> outputs, String codeHash) throws IOException {
        try {
            return (int) outputs.parallelStream().filter(o -> {
                if (!state.changed(out, o.path(), BuildState.contentHash(codeHash + "\n" + o.key()))) {
                    return false;
                }
                try {
                    Files.write(parentsOf(o.path()), o.bytes().get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Removes what the last build wrote and this one no longer produces. */
    int removeStale() throws IOException {
        int removed = 0;
        for (String path : state.stale().toList()) {
            removed += Files.deleteIfExists(out.resolve(path)) ? 1 : 0;
        }
        return removed;
    }

    /**
     * The file's path, its folders made. Each folder is made or checked once per build: on a folder
     * that exists, createDirectories fails a mkdir and builds an exception (10,000 registry files
     * share 500 publisher folders).
     */
    private Path parentsOf(String path) throws IOException {
        Path file = out.resolve(path);
        Path folder = file.getParent();
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
        return file;
    }
}
