package org.slmhub.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's peak resident memory, VmHWM in Linux's {@code /proc/<pid>/status}. It is a
 * high-water mark, so the last value read before a process dies is its peak so far.
 */
final class PeakMemory {
    private PeakMemory() {
    }

    /** Peak RSS in bytes; 0 when unknown (not Linux, or the process is gone). */
    static long ofProcess(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    // "VmHWM:     123456 kB"
                    String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kilobytes) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // unknown is a valid answer: the figure is informative, never a verdict
        }
        return 0;
    }

    static long ofThisProcess() {
        return ofProcess(ProcessHandle.current().pid());
    }
}
