package org.slmhub.artifact;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalProgressTest {

    private static final long MIB = 1024 * 1024;
    private static final long MS = 1_000_000L;

    private long now;
    private final StringWriter out = new StringWriter();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(out), () -> now);

    @Test
    void drawsBarPercentMibAndSpeed() {
        progress.start("model.gguf", 10 * MIB);
        now = 1000 * MS;
        progress.advanced(4 * MIB);

        String[] frames = out.toString().split("\r", -1);
        assertEquals("model.gguf  40% [########            ] 4.0/10.0 MiB 4.0 MiB/s", frames[frames.length - 1]);
    }

    @Test
    void redrawsAtMostTenTimesASecond() {
        progress.start("m", 1000 * MIB);
        for (int i = 1; i <= 1000; i++) {
            now = i * MS; // 1000 updates within one second
            progress.advanced(MIB);
        }

        assertEquals(1 + 10, out.toString().split("\r", -1).length - 1, "start plus one redraw per 100 ms");
    }

    @Test
    void resumedBytesCountTowardTotalButNotSpeed() {
        progress.start("m", 4 * MIB);
        progress.resumedFrom(2 * MIB);
        now = 2000 * MS;
        progress.advanced(2 * MIB);
        progress.done();

        String[] frames = out.toString().split("\r", -1);
        assertEquals("m 100% [####################] 4.0/4.0 MiB 1.0 MiB/s" + System.lineSeparator(),
                frames[frames.length - 1]);
    }
}
