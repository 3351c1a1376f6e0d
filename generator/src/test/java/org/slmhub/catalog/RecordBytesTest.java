package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;

/** Kept manifests come back from bytes equal to what was written, and damaged bytes fail as IOException only. */
class RecordBytesTest {
    private static byte[] bytes(Object record) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RecordBytes.write(new DataOutputStream(b), record);
        return b.toByteArray();
    }

    private static ModelManifest read(byte[] bytes) throws IOException {
        return RecordBytes.read(bytes, 0, bytes.length, ModelManifest.class);
    }

    @Test
    void everyManifestOfTheRepositoryComesBackEqual() throws Exception {
        List<ManifestFile> files = CatalogFiles.read(TestPaths.repoRoot().resolve("models"), List.of()).manifests();
        int bound = 0;
        for (ManifestFile f : files) {
            ModelManifest m = ManifestBinder.bind(f.yaml().tree());
            assertEquals(m, read(bytes(m)), f.path().toString());
            bound++;
        }
        assertTrue(bound >= 20, "the seed catalog has its models: " + bound);
    }

    @Test
    void nullsEmptyListsAndEveryPartSurvive() throws IOException {
        ModelManifest.Smoke smoke = new ModelManifest.Smoke(null, null, null,
                List.of(new ModelManifest.Closer("a cat", "a kitten", "a tax form")),
                new ModelManifest.RecordedValues("é ü 漢字 \uD83D\uDE00 \u2028", List.of(0.125, -1.5e-7), 0.001));
        ModelManifest m = new ModelManifest(1, "p/m", "m", "p", "s", null, "MIT", null, null, List.of(), "feature-extraction", null,
                "bert", 22_700_000L, 256, null, null, List.of("d"), new ModelManifest.Requires("onnxruntime", null, "n"),
                List.of(new ModelManifest.Artifact("model.onnx", "onnx", null, "https://x/y", "ab".repeat(32), Long.MAX_VALUE, null)),
                new ModelManifest.Embedding(384, 256, "mean", null), smoke,
                List.of(new ModelManifest.Evaluation("mteb", "score", 0.5, "https://x")), new ModelManifest.Links(null, null, null, List.of()));
        assertEquals(m, read(bytes(m)));
        assertEquals(List.of(), read(bytes(m)).tags(), "the record's own defaults apply to read lists too");
    }

    @Test
    void everyCutOfTheBytesFailsAsIoException() throws Exception {
        ModelManifest m = ManifestBinder.bind(CatalogFiles.read(TestPaths.repoRoot().resolve("models"), List.of()).manifests().get(0).yaml().tree());
        byte[] whole = bytes(m);
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            assertThrows(IOException.class, () -> read(cut), "a cut at " + n);
        }
    }

    @Test
    void aRecordIsReadFromWithinALargerArrayAndLeftoverBytesAreDamage() throws Exception {
        ModelManifest m = ManifestBinder.bind(CatalogFiles.read(TestPaths.repoRoot().resolve("models"), List.of()).manifests().get(0).yaml().tree());
        byte[] whole = bytes(m);
        byte[] padded = new byte[whole.length + 10];
        System.arraycopy(whole, 0, padded, 7, whole.length);
        assertEquals(m, RecordBytes.read(padded, 7, whole.length, ModelManifest.class), "read from an offset, up to its length");
        IOException leftover = assertThrows(IOException.class, () -> RecordBytes.read(padded, 7, whole.length + 1, ModelManifest.class));
        assertEquals("damaged record bytes", leftover.getMessage());
        assertThrows(IOException.class, () -> RecordBytes.read(whole, 1, whole.length, ModelManifest.class), "a span beyond the array");
    }

    @Test
    void aTypeNoManifestUsesIsRefusedWhenWritten() {
        record WithMap(Map<String, String> values) {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bytes(new WithMap(Map.of("a", "b"))));
        assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
