package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;

class LauncherTest {
    @Test
    void launcherAndBenchmarkStartTheJvmWithTheSameFlags() throws IOException {
        String script = Files.readString(TestPaths.repoRoot().resolve("slmhub"));
        assertTrue(script.contains("jvm_flags=\"" + String.join(" ", LauncherFlags.JVM) + "\""), script);
    }
}
