package org.slmhub.artifact;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws {@code name  42% [########            ]  12.3/29.1 MiB  4.5 MiB/s} on one line, redrawn
 * in place with {@code \r} at most ten times a second so a fast download does not flood the terminal.
 */
public final class TerminalProgress implements DownloadProgress {

    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private String file = "";
    private long total;
    private long done;
    private long resumed;
    private long startedAt;
    private long lastDrawAt;
    private int lastLineLength;

    public TerminalProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    TerminalProgress(PrintWriter out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void start(String file, long total) {
        this.file = file;
        this.total = total;
        this.done = 0;
        this.resumed = 0;
        this.startedAt = nanoClock.getAsLong();
        draw(startedAt);
    }

    @Override
    public void resumedFrom(long bytes) {
        resumed += bytes;
        advanced(bytes);
    }

    @Override
    public void advanced(long bytes) {
        done += bytes;
        long now = nanoClock.getAsLong();
        if (now - lastDrawAt >= REDRAW_INTERVAL_NANOS) {
            draw(now);
        }
    }

    /** Always draws, so the line ends showing the final state even between throttled redraws. */
    @Override
    public void done() {
        draw(nanoClock.getAsLong());
        out.println();
        out.flush();
        lastLineLength = 0;
    }

    private void draw(long now) {
        int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : 100;
        int filled = percent * BAR_WIDTH / 100;
        double seconds = Math.max((now - startedAt) / 1e9, 1e-3);
        String line = String.format(Locale.ROOT, "%s %3d%% [%s%s] %.1f/%.1f MiB %.1f MiB/s",
                file, percent, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                done / MIB, total / MIB, (done - resumed) / MIB / seconds);
        // Pad with spaces so a shorter line fully covers the previous one.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        out.flush();
        lastLineLength = line.length();
        lastDrawAt = now;
    }
}
