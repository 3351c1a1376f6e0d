package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.cli.CliRun;
import org.slmhub.registry.RegistryException;
import org.slmhub.registry.SiteRegistry;
import org.slmhub.validate.Validator;

/** The real catalog builds: a page and an API entry per manifest (a registry giving back each manifest), and no broken link. */
class SeedCatalogSiteTest {
    @TempDir
    Path tmp;

    @Test
    void everySeedModelHasAPageAndEveryLinkResolves() throws IOException, RegistryException {
        Path models = TestPaths.repoRoot().resolve("models");
        Path out = tmp.resolve("site");
        CliRun run = CliRun.of("build", "--no-search", "--catalog", models.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> ids;
        try (Stream<Path> walk = Files.walk(models)) {
            ids = walk.filter(p -> p.getFileName().toString().equals("model.yaml"))
                    .map(p -> models.relativize(p.getParent()).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(ids.size() >= 20, "the seed catalog is there");
        for (String id : ids) {
            assertTrue(Files.isRegularFile(out.resolve("models/" + id + "/index.html")), id);
        }
        assertEquals(ids, new ObjectMapper().readTree(out.resolve("api/models.json").toFile()).get("models").findValuesAsText("id"));
        assertEquals(List.of(), SiteFixture.brokenLinks(out, "/"));

        // the site as a registry (slmhub pull --registry): every manifest it publishes binds to the one it was built from
        Map<String, ModelManifest> catalog = new HashMap<>();
        new Validator().validate(CatalogFiles.read(models, List.of()).manifests(), List.of(), List.of()).entries()
                .forEach(e -> catalog.put(e.manifest().id(), e.manifest()));
        SiteRegistry registry = SiteRegistry.at(out.toString(), tmp.resolve("cache"), true, Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (String id : ids) {
            SiteRegistry.Loaded loaded = registry.load(id);
            assertTrue(loaded.report().passed(), () -> id + ": " + loaded.report().findings());
            assertEquals(catalog.get(id), loaded.report().entries().get(0).manifest(), id);
        }
    }
}
