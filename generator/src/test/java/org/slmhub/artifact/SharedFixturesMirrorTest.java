package org.slmhub.artifact;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real model files from ../shared/fixtures/models, used in place as a read-only mirror. */
class SharedFixturesMirrorTest {

    private static final String STORIES_SHA = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    private static final long STORIES_SIZE = 1_185_376;

    @TempDir
    Path cache;

    private Path models;

    @BeforeEach
    void findFixtures() {
        Optional<Path> shared = TestPaths.sharedModels();
        Assumptions.assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        models = shared.get();
    }

    @Test
    void resolvesStories260kDeclaredUnderItsHuggingFaceName() throws Exception {
        // The same bytes are published on Hugging Face as stories260K-f32.gguf; the mirror has stories260K.gguf.
        ArtifactRef ref = new ArtifactRef("stories260K-f32.gguf", URI.create("https://huggingface.co/ggml-org/"
                + "test-model-stories260K/resolve/479896ec924af6d40fd419ab8f4d1eb2101de00d/stories260K-f32.gguf"),
                STORIES_SHA, STORIES_SIZE);
        ArtifactStore store = ArtifactStore.builder(cache).mirrors(List.of(models)).allowDownload(false).build();

        Resolved resolved = store.resolve(ref);

        assertEquals(new Resolved(models.resolve("stories260K.gguf"), Resolved.Source.MIRROR), resolved);
    }

    @Test
    void verifiesEveryFixtureAgainstItsSha256sums() throws Exception {
        for (String line : Files.readAllLines(models.resolve("SHA256SUMS"))) {
            String[] parts = line.trim().split("\\s+");
            Path file = models.resolve(parts[1]);

            Verification v = ArtifactStore.verify(file, parts[0], Files.size(file));

            assertTrue(v.ok(), v.problem());
        }
    }
}
