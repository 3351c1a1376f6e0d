package org.slmhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.smoke.TextGenerator;

/** The Java API as an application uses it, on the bundled catalog and the shared fixture bytes. */
class SlmhubTest {
    @TempDir
    Path cache;

    private Slmhub hub(List<Path> mirrors) throws SlmhubException {
        return Slmhub.open(TestPaths.repoRoot().resolve("models"), ArtifactStore.builder(cache).mirrors(mirrors).allowDownload(false).build());
    }

    @Test
    void choosesVariantsFromTheCatalog() throws SlmhubException {
        Slmhub hub = hub(List.of());
        assertEquals("qwen2.5-0.5b-instruct-q4_0.gguf", hub.choose("qwen/qwen2.5-0.5b-instruct").artifact().file());
        assertEquals("qwen2.5-0.5b-instruct-q8_0.gguf", hub.choose("qwen/qwen2.5-0.5b-instruct:Q8_0").artifact().file());
        SlmhubException e = assertThrows(SlmhubException.class, () -> hub.resolve("qwen/qwen2.5-0.5b-instruct"));
        assertTrue(e.getMessage().contains("downloads are disabled (offline)"), e.getMessage());
    }

    @Test
    void generatesWithAModelFromTheCatalog() throws SlmhubException {
        var shared = TestPaths.sharedModels();
        assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        Slmhub hub = hub(List.of(shared.get()));
        StringBuilder streamed = new StringBuilder();
        try (TextGenerator model = hub.load("ggml-org/stories260k")) {
            String text = model.generate("Once upon a time", new TextGenerator.Settings(16, 0f, 42), streamed::append);
            assertEquals(", there was a little girl named Lily. She loved to play", text);
            assertEquals(text, streamed.toString());
        }
    }
}
