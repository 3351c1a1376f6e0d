package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;

/** Checks kept between builds give the same report as checking every manifest, and a bad kept file is never trusted. */
class CheckedManifestsTest {
    @TempDir
    Path tmp;
    Path catalog;
    Path kept;

    @BeforeEach
    void copyTheRepositoryCatalog() throws IOException {
        catalog = tmp.resolve("models");
        Path source = TestPaths.repoRoot().resolve("models");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = catalog.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        kept = tmp.resolve("site").resolve(CheckedManifests.FILE);
    }

    private static ValidationReport fresh(Path catalog) {
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        return new Validator().validate(files.manifests(), List.of(), files.misplaced());
    }

    /** Validates through what {@code kept} holds, writes it back, and returns the report and how many files were parsed. */
    private Result viaKept() throws IOException {
        CheckedManifests checks = CheckedManifests.read(kept);
        ValidationReport report = checks.validate(catalog, new Validator());
        checks.write(kept);
        return new Result(report, checks.parsed(), checks.state());
    }

    private record Result(ValidationReport report, int parsed, String state) {
    }

    private static void assertSameReport(ValidationReport expected, ValidationReport actual) {
        assertEquals(expected.findings(), actual.findings());
        assertEquals(expected.filesChecked(), actual.filesChecked());
        assertEquals(expected.entries().stream().map(CatalogEntry::file).toList(), actual.entries().stream().map(CatalogEntry::file).toList());
        assertEquals(expected.entries().stream().map(CatalogEntry::manifest).toList(), actual.entries().stream().map(CatalogEntry::manifest).toList());
    }

    @Test
    void unchangedFilesAreNotParsedAgainAndTheReportIsTheSame() throws IOException {
        ValidationReport expected = fresh(catalog);
        int manifests = expected.entries().size();
        assertTrue(manifests > 10, "the repository catalog: " + manifests);
        assertTrue(expected.warningCount() > 0, "warnings are kept too (unpinned URLs)");

        Result first = viaKept();
        assertEquals(manifests, first.parsed());
        assertEquals("none kept", first.state());
        assertSameReport(expected, first.report());

        Result second = viaKept();
        assertEquals(0, second.parsed(), "every check kept");
        assertEquals("kept", second.state());
        assertSameReport(expected, second.report());

        Path one = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(one, Files.readString(one).replaceFirst("\nsummary: ", "\nsummary: Edited. "));
        Result edited = viaKept();
        assertEquals(1, edited.parsed());
        assertSameReport(fresh(catalog), edited.report());
        assertTrue(edited.report().entries().stream().anyMatch(e -> e.manifest().summary().startsWith("Edited. ")));

        // the same bytes under a new modification time: hashed, found unchanged, not parsed
        Files.setLastModifiedTime(one, FileTime.fromMillis(Files.getLastModifiedTime(one).toMillis() + 60_000));
        assertEquals(0, viaKept().parsed());
    }

    @Test
    void aClashWithAKeptManifestPointsAtItsLine() throws IOException {
        viaKept();
        Path original = catalog.resolve("ggml-org/stories260k/model.yaml");
        Path copy = Files.createDirectories(catalog.resolve("ggml-org/stories260k-copy")).resolve("model.yaml");
        Files.writeString(copy, Files.readString(original).replace("\nid: ggml-org/stories260k\n", "\nid: ggml-org/stories260k-copy\n"));
        ValidationReport expected = fresh(catalog);
        assertTrue(expected.findings().stream().anyMatch(f -> f.rule() == Rule.DUPLICATE_ARTIFACT && f.file().equals(original)),
                "the kept manifest's artifact clashes: " + expected.findings());

        Result r = viaKept();
        assertEquals(1, r.parsed());
        assertSameReport(expected, r.report());
    }

    @Test
    void aDamagedTruncatedOrOtherFormatFileIsIgnoredAndWrittenAnew() throws IOException {
        ValidationReport expected = fresh(catalog);
        int manifests = expected.entries().size();
        viaKept();
        byte[] good = Files.readAllBytes(kept);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        Files.write(kept, flipped);
        Result damaged = viaKept();
        assertEquals(manifests, damaged.parsed(), damaged.state());
        assertTrue(damaged.state().contains("unusable"), damaged.state());
        assertSameReport(expected, damaged.report());
        assertEquals(0, viaKept().parsed(), "written anew, then used");

        Files.write(kept, java.util.Arrays.copyOf(good, good.length / 3));
        Result truncated = viaKept();
        assertEquals(manifests, truncated.parsed());
        assertSameReport(expected, truncated.report());

        Files.writeString(kept, "not the format at all");
        assertEquals(manifests, viaKept().parsed());

        // an older layout with a valid checksum: the format number after the magic text differs
        byte[] older = Files.readAllBytes(kept);
        int formatAt = 2 + "slmhub checked manifests".length();
        ByteBuffer.wrap(older).putInt(formatAt, CheckedManifests.FORMAT - 1);
        CRC32 crc = new CRC32();
        crc.update(older, 0, older.length - Long.BYTES);
        ByteBuffer.wrap(older).putLong(older.length - Long.BYTES, crc.getValue());
        Files.write(kept, older);
        Result old = viaKept();
        assertEquals(manifests, old.parsed(), old.state());
        assertSameReport(expected, old.report());
        assertFalse(Files.readString(kept, java.nio.charset.StandardCharsets.ISO_8859_1).isEmpty());
    }

    @Test
    void writingLeavesNoTemporaryFileBehind() throws IOException {
        viaKept();
        viaKept();
        try (Stream<Path> files = Files.list(kept.getParent())) {
            assertEquals(List.of(kept.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
