package org.slmhub.smoke;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the banner a JVM prints to stdout when native code crashes it (then it writes hs_err and
 * aborts, so the exit status says SIGABRT whatever the fault was):
 * <pre>
 * #  SIGSEGV (0xb) at pc=0x00007f849ee83f14, pid=22789, tid=22789
 * ...
 * # Problematic frame:
 * # C  [libjllama.so+0x85f14]  llama_decode+0x24
 * </pre>
 * The fault and the frame are the useful part of a llama.cpp crash report.
 */
final class JvmCrashBanner {
    private static final Pattern FAULT = Pattern.compile("^#\\s+(SIG[A-Z]+ \\(0x\\p{XDigit}+\\) at pc=0x\\p{XDigit}+)");
    private static final String FRAME_HEADING = "# Problematic frame:";

    private String fault;
    private String frame;
    private boolean frameNext;

    /** Feeds one stdout line that is not a protocol line. */
    void read(String line) {
        if (frameNext) {
            frame = line.replaceFirst("^#\\s*", "").replaceAll("\\s+", " ").strip();
            frameNext = false;
        }
        Matcher m = FAULT.matcher(line);
        if (fault == null && m.find()) {
            fault = m.group(1);
        }
        frameNext = line.startsWith(FRAME_HEADING);
    }

    /** E.g. "SIGSEGV (0xb) at pc=0x00007f849ee83f14 in C [libjllama.so+0x85f14] llama_decode+0x24". */
    Optional<String> summary() {
        if (fault == null) {
            return Optional.empty();
        }
        return Optional.of(frame == null ? fault : fault + " in " + frame);
    }
}
