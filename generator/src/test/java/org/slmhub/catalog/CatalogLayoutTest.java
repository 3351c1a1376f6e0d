package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog walk finds exactly what one plain walk over the tree finds (and each plain manifest's stamp), links and odd places included. */
class CatalogLayoutTest {
    @TempDir
    Path tmp;

    /** The rule stated plainly over Files.walk: the reference the faster walk must agree with. */
    private static CatalogLayout.Scan reference(Path root) throws IOException {
        List<Path> manifests = new ArrayList<>();
        List<Path> misplaced = new ArrayList<>();
        Map<Path, CatalogLayout.Stamp> stamps = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                String name = p.getFileName().toString();
                int depth = root.relativize(p).getNameCount();
                boolean link = Files.isSymbolicLink(p);
                boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
                if ((link && (depth <= 2 || yaml)) || (depth == 3 && name.equals(CatalogLayout.MANIFEST_NAME))) {
                    manifests.add(p);
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) {
                        stamps.put(p, new CatalogLayout.Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                } else if (yaml && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    misplaced.add(p);
                }
            }
        }
        manifests.sort(null);
        misplaced.sort(null);
        return new CatalogLayout.Scan(manifests, misplaced, stamps);
    }

    private Path file(String path) throws IOException {
        Path p = tmp.resolve("models").resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void findsWhatAPlainWalkFinds() throws IOException {
        Path models = tmp.resolve("models");
        file("acme/tiny/model.yaml");
        file("acme/tiny/notes.yml");
        file("acme/tiny/sub/model.yaml");
        file("acme/tiny/sub/deeper/model.yaml");
        Files.createDirectories(models.resolve("acme/tiny/sub/deeper/deepest"));
        file("acme/model.yaml");
        file("top.yaml");
        file("README.md");
        file("beta/small/model.yaml");
        Files.createDirectories(models.resolve("beta/empty"));
        Files.createDirectories(models.resolve("gamma/odd/model.yaml")); // a folder where a manifest goes
        Files.createSymbolicLink(models.resolve("linked-publisher"), models.resolve("acme"));
        Files.createSymbolicLink(models.resolve("beta/linked-model"), models.resolve("acme/tiny"));
        Files.createSymbolicLink(models.resolve("beta/small/extra.yaml"), models.resolve("top.yaml"));
        Files.createSymbolicLink(models.resolve("beta/small/notes.txt"), models.resolve("README.md"));

        CatalogLayout.Scan scan = CatalogLayout.scan(models);
        assertEquals(reference(models), scan);
        assertEquals(Stream.of("acme/tiny/model.yaml", "beta/linked-model", "beta/small/extra.yaml", "beta/small/model.yaml",
                "gamma/odd/model.yaml", "linked-publisher").map(models::resolve).toList(), scan.manifests());
        assertEquals(Stream.of("acme/model.yaml", "acme/tiny/notes.yml", "acme/tiny/sub/model.yaml", "top.yaml").map(models::resolve).toList(),
                scan.misplaced());
    }

    @Test
    void aFileOrALinkGivenAsTheCatalogIsNotWalkedIntoAndAMissingOneFails() throws IOException {
        Path models = tmp.resolve("models");
        file("acme/tiny/model.yaml");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), models);
        assertEquals(reference(link), CatalogLayout.scan(link));
        assertEquals(List.of(), CatalogLayout.scan(models.resolve("acme/tiny/model.yaml")).manifests());
        assertThrows(UncheckedIOException.class, () -> CatalogLayout.scan(tmp.resolve("absent")));
    }
}
