package org.slmhub.smoke;

import java.util.Map;

/** Says how a worker ended from its exit code; Java reports death by signal N as 128 + N. */
final class ExitStatus {
    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"), Map.entry(13, "SIGPIPE"), Map.entry(15, "SIGTERM"),
            Map.entry(24, "SIGXCPU"), Map.entry(25, "SIGXFSZ"));

    private ExitStatus() {
    }

    /**
     * E.g. "killed by signal 11 (SIGSEGV)" or "exited with code 1". A JVM that crashes in native
     * code writes hs_err and aborts, so a segfault in llama.cpp usually shows as SIGABRT; a
     * GGML_ASSERT aborts too; SIGKILL is also what the kernel's OOM killer sends.
     */
    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "killed by signal " + signal + " (" + SIGNALS.getOrDefault(signal, "SIG" + signal) + ")";
        }
        return "exited with code " + exitCode;
    }
}
