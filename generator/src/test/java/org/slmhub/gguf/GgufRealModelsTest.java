package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;

/**
 * Reads the real model fixtures in ../shared/fixtures/models (see PROVENANCE.md there). The
 * expected facts come from the files' provenance. The files stay outside the project.
 */
class GgufRealModelsTest {
    private Path models;

    @BeforeEach
    void findFixtures() {
        Optional<Path> shared = TestPaths.sharedModels();
        Assumptions.assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        models = shared.get();
    }

    @Test
    void stories260K() throws Exception {
        GgufFile file = GgufReader.read(models.resolve("stories260K.gguf"));

        assertEquals(3, file.version());
        assertEquals(Optional.of("llama"), file.architecture());
        assertEquals(48, file.tensors().size());
        assertEquals(292_800, file.parameterCount());
        assertEquals(OptionalLong.of(2048), file.contextLength());
        assertEquals(OptionalInt.empty(), file.fileType(), "the converter wrote no general.file_type");
        assertEquals(Optional.of("F32"), file.quantization(), "inferred from the tensor types");
        assertTrue(file.hasTokenizer());
        assertEquals(512, ((GgufArray) file.metadata().get("tokenizer.ggml.tokens")).length());
        assertEquals(Optional.empty(), file.chatTemplate());
        assertEquals(Optional.empty(), file.license());
    }

    @Test
    void llama2TinyRandom() throws Exception {
        GgufFile file = GgufReader.read(models.resolve("llama-2-tiny-random.gguf"));

        assertEquals(3, file.version());
        assertEquals(Optional.of("llama"), file.architecture());
        assertEquals(Optional.of("LLaMA v2"), file.name());
        assertEquals(12, file.tensors().size());
        assertEquals(513_048, file.parameterCount());
        assertEquals(OptionalLong.of(4096), file.contextLength());
        assertEquals(OptionalInt.of(1), file.fileType());
        assertEquals(Optional.of("F16"), file.quantization());
        assertTrue(file.hasTokenizer());
        assertEquals(32_000, ((GgufArray) file.metadata().get("tokenizer.ggml.tokens")).length());
        assertEquals(Optional.empty(), file.chatTemplate());
    }
}
