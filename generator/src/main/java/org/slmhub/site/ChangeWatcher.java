package org.slmhub.site;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (recursively) and calls back once per burst of changes: an editor's save or a
 * {@code git checkout} touches many files, and one rebuild after the burst is what a preview needs.
 */
public final class ChangeWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Thread thread;

    public ChangeWatcher(List<Path> folders, long debounceMillis, Runnable onChange) throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            register(folder);
        }
        thread = new Thread(() -> loop(debounceMillis, onChange), "slmhub-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(long debounceMillis, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watch.take();
                drain(key);
                // Wait until the folders have been quiet for the debounce time, then rebuild once.
                for (WatchKey more; (more = watch.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null; ) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server stops
        }
    }

    /** Registers new folders (a new model) so their files are watched too. */
    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                try {
                    register(dir.resolve(name));
                } catch (IOException e) {
                    // the folder vanished again; nothing to watch
                }
            }
        }
        key.reset();
    }

    /**
     * Stops watching and lets a rebuild in progress finish (up to a minute), so nothing writes into
     * the site folder after serve returns; closing the watch service ends the loop at its next wait.
     */
    @Override
    public void close() throws IOException {
        watch.close();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
