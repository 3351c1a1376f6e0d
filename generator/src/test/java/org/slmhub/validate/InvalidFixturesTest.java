package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slmhub.TestPaths;
import org.slmhub.catalog.CatalogFiles;

/**
 * Each folder under test resources {@code invalid/} is a small catalog with exactly one problem.
 * Its files say where with {@code # expect: LINE:COL RULE} lines; the validator must report that
 * and nothing else.
 */
class InvalidFixturesTest {
    static Path fixtures() {
        return TestPaths.repoRoot().resolve("generator/src/test/resources/invalid");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblem(String name) throws IOException {
        Path catalog = fixtures().resolve(name).resolve("models");
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());

        List<String> expected = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(catalog)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("# expect: ")) {
                        expected.add(file.toAbsolutePath().normalize() + ":" + line.substring("# expect: ".length()));
                    }
                }
            }
        }
        List<String> actual = report.findings().stream()
                .map(f -> f.file() + ":" + f.position() + " " + f.rule().id())
                .sorted().toList();
        assertFalse(expected.isEmpty(), "fixture " + name + " has no expect line");
        assertEquals(expected.stream().sorted().toList(), actual, () -> "findings: " + report.findings());
    }
}
