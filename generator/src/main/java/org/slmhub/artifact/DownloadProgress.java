package org.slmhub.artifact;

import java.io.Console;

/** Receives download progress; the only way the artifact stage shows anything while it works. */
public interface DownloadProgress {

    /** A transfer of {@code file} begins (or begins again from zero); {@code total} is the declared size. */
    void start(String file, long total);

    /** {@code bytes} more bytes arrived. */
    void advanced(long bytes);

    /** The transfer ended, successfully or not. */
    void done();

    /** Bytes already present from an interrupted earlier run; they count toward the total but not the speed. */
    default void resumedFrom(long bytes) {
        advanced(bytes);
    }

    /** Shows nothing: for scripts, CI logs and tests. */
    static DownloadProgress none() {
        return NoProgress.INSTANCE;
    }

    /** A redrawn one-line bar when a terminal is attached, otherwise {@link #none()}: a \r bar garbles logs. */
    static DownloadProgress forConsole() {
        Console console = System.console();
        return console == null ? none() : new TerminalProgress(console.writer());
    }

    /** The no-op implementation. */
    enum NoProgress implements DownloadProgress {
        INSTANCE;

        @Override
        public void start(String file, long total) {
        }

        @Override
        public void advanced(long bytes) {
        }

        @Override
        public void done() {
        }
    }
}
