package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/**
 * The bad-input corpus: each folder under test resources {@code hostile/manifests/} is a catalog
 * made to break the validator (malformed YAML, alias bombs, wrong types, links out of the
 * catalog, bytes that are not UTF-8, megabytes; see {@link HostileCase} for the format). The real
 * command line must fail with exit code 1 and report exactly the expected findings: no crash, no
 * stack trace, no hang, and nothing written outside its cache folder.
 */
class HostileManifestCorpusTest {
    /** A finding line as the human output starts it: {@code path:line:col: error[rule]}. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S.*?:\\d+:\\d+: error\\[[a-z0-9-]+]");
    private static final Map<String, Duration> DURATIONS = new ConcurrentHashMap<>();

    static List<HostileCase> cases() throws IOException {
        return HostileCase.all(TestPaths.repoRoot().resolve("generator/src/test/resources/hostile/manifests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithExactlyTheExpectedFindings(HostileCase hostile, @TempDir Path tmp) throws IOException {
        hostile.materialize(tmp);
        Map<String, String> before = HostileCase.snapshot(tmp);

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long start = System.nanoTime();
            CliRun r = CliRun.of("validate", "--catalog", tmp.resolve("models").toString(),
                    "--offline", "--cache", tmp.resolve("cache").toString());
            DURATIONS.put(hostile.name(), Duration.ofNanos(System.nanoTime() - start));
            return r;
        }, () -> hostile.name() + " still running after 30 s");

        assertEquals(1, run.exitCode(), run::toString);
        String printed = run.out() + run.err();
        for (String trace : List.of("Exception", "\tat ", "Caused by")) {
            assertFalse(printed.contains(trace), () -> "stack trace (" + trace.strip() + ") in\n" + run);
        }
        assertEquals("", run.err(), run::toString);
        List<String> expected = hostile.expected().stream()
                .map(e -> Finding.display(tmp.resolve(e.file())) + ":" + e.line() + ":" + e.column() + ": error[" + e.rule() + "]")
                .sorted().toList();
        List<String> reported = ERROR_LINE.matcher(run.out()).results().map(m -> m.group()).sorted().toList();
        assertFalse(expected.isEmpty(), hostile.name() + " expects nothing: add # expect lines or an expect file");
        assertEquals(expected, reported, run::toString);
        assertTrue(run.out().endsWith(expected.size() + (expected.size() == 1 ? " error" : " errors") + ", 0 warnings\n"), run::toString);
        for (String text : hostile.expectedTexts()) {
            assertTrue(run.out().contains(text), () -> "expected the text " + text + " in\n" + run);
        }

        assertEquals(before, HostileCase.snapshot(tmp), "validate wrote outside its cache folder");
    }

    /** Timing is printed, not asserted: on a shared machine a time limit would fail for the neighbours' load. */
    @AfterAll
    static void printSlowest() {
        List<Map.Entry<String, Duration>> slowest = DURATIONS.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder())).limit(5).toList();
        if (!slowest.isEmpty()) {
            System.out.printf("hostile manifest corpus: %d cases; slowest %s%n", DURATIONS.size(), String.join(", ",
                    slowest.stream().map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList()));
        }
    }
}
