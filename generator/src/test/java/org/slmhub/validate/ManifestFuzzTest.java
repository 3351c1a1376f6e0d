package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.FuzzInputFile;
import org.slmhub.catalog.ManifestFile;
import org.slmhub.catalog.SourcePosition;
import org.slmhub.cli.CliRun;
import org.slmhub.cli.Main;
import picocli.CommandLine;

/**
 * Coverage-guided fuzzing of manifest loading and validation levels 1-3 (Jazzer): the input is the
 * bytes of the only manifest of a catalog. Whatever it holds, validation must end within seconds
 * and no exception may escape, every finding must point at a line and column inside the file, and
 * {@code slmhub validate} must print each finding as one {@code path:line:col: error[rule]: message}
 * line and exit 0 or 1.
 *
 * <p>{@code mvn verify} replays the inputs under {@code ManifestFuzzTestInputs/}: the catalog's real
 * manifests, the invalid/ fixtures and past findings. {@code mvn -Pfuzz test -Dtest=ManifestFuzzTest
 * -Dfuzz.duration=10m} fuzzes.
 */
class ManifestFuzzTest {
    // (?d): only \n ends a line for '.'; output lines are split at \r as well, as a terminal shows them
    private static final Pattern FINDING = Pattern.compile(
            "(?d)(?<path>.+):(?<line>\\d+):(?<column>\\d+): (error|warning)\\[(?<rule>[a-z0-9-]+)\\]: .*");
    /** What the printer puts under a finding: the source excerpt, hint and docs lines. */
    private static final Pattern DETAIL = Pattern.compile("(?d) .*");
    private static final Pattern SUMMARY = Pattern.compile("(?d)checked 1 manifest: .*");
    /** The line breaks that slmhub's line numbers, editors and terminals count. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /**
     * Building the command line takes longer than validating a manifest, so one serves every input;
     * picocli resets each option to its initial value before it parses the next arguments.
     */
    private static final CommandLine CLI = Main.commandLine();
    private static final StringWriter OUT = new StringWriter();
    private static final StringWriter ERR = new StringWriter();

    static {
        CLI.setOut(new PrintWriter(OUT, true));
        CLI.setErr(new PrintWriter(ERR, true));
    }

    /** One catalog for every input, holding the one manifest the input becomes. */
    @TempDir
    static Path dir;

    @FuzzTest
    // YAML syntax and the line breaks YAML 1.1 adds to \n and \r (NEL, LS, PS). No newline or tab:
    // Jazzer writes whitespace unescaped into libFuzzer's one-entry-a-line dictionary.
    @DictionaryEntries({": ", "- ", "---", "...", "&a ", "*a", "<<: ", "!!str ", "!!binary ", "? ", "|", ">-", "{", "}",
        "[", "]", "\"", "'", "#", "\u0085", "\u2028", "\u2029", "\uFEFF", "TODO(slmhub-new)", "https://", "## "})
    void reportsEveryProblemPrecisely(byte[] bytes) {
        // libFuzzer only stops an input after 20 minutes; a manifest must never take seconds
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> validateAndPrint(bytes));
    }

    private static void validateAndPrint(byte[] bytes) throws IOException {
        Path catalog = dir.resolve("models");
        Path manifest = FuzzInputFile.overwrite(Files.createDirectories(catalog.resolve("fuzz/model")).resolve("model.yaml"), bytes);
        ValidationReport report = new Validator().validate(List.of(ManifestFile.read(manifest)), List.of(), List.of());
        List<String> lines = List.of(LINE_BREAK.split(new String(bytes, StandardCharsets.UTF_8), -1));
        for (Finding finding : report.findings()) {
            assertEquals(manifest, finding.file());
            assertTrue(inside(finding.position(), lines), () -> finding.position() + " is outside the file: " + finding);
        }

        CliRun run = validate("--catalog", catalog.toString(), manifest.toString());
        assertEquals(report.passed() ? 0 : 1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        int printed = 0;
        for (String line : LINE_BREAK.split(run.out(), -1)) {
            Matcher finding = FINDING.matcher(line);
            if (finding.matches()) {
                printed++;
                assertEquals(manifest.toString(), finding.group("path"), run::toString);
            } else {
                assertTrue(line.isEmpty() || DETAIL.matcher(line).matches() || SUMMARY.matcher(line).matches(),
                        () -> "not a finding, its details or the summary: \"" + line + "\" in\n" + run);
            }
        }
        assertEquals(report.findings().size(), printed, run::toString);
    }

    /** {@code slmhub validate ARGS} on the one command line, as {@link CliRun#of} would run it. */
    private static CliRun validate(String... args) {
        OUT.getBuffer().setLength(0);
        ERR.getBuffer().setLength(0);
        String[] command = new String[args.length + 1];
        command[0] = "validate";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = CLI.execute(command);
        return new CliRun(exitCode, OUT.toString(), ERR.toString());
    }

    /**
     * 1:1 is always allowed (an empty or unreadable file); otherwise a line of the file and a column
     * from its first character to just past its last, or the start of the line after a final break.
     */
    private static boolean inside(SourcePosition at, List<String> lines) {
        if (at.equals(SourcePosition.START)) {
            return true;
        }
        if (at.line() < 1 || at.line() > lines.size() || at.column() < 1) {
            return false;
        }
        String line = lines.get(at.line() - 1);
        return at.column() <= line.codePointCount(0, line.length()) + 1;
    }
}
