package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.FuzzInputFile;

/**
 * Coverage-guided fuzzing of the GGUF header reader (Jazzer). Any bytes may be rejected, but only
 * with {@link GgufFormatException}; any other exception or error is a finding. A file the reader
 * accepts must describe itself consistently: the header facts slmhub relies on hold, and every
 * tensor's data lies inside the file.
 *
 * <p>{@code mvn verify} replays the inputs under {@code GgufReaderFuzzTestInputs/} (past findings)
 * and checks the generated seeds; {@code mvn -Pfuzz test -Dtest=GgufReaderFuzzTest -Dfuzz.duration=10m}
 * fuzzes, starting from those seeds. The repository holds no GGUF files: the seeds are written here.
 */
class GgufReaderFuzzTest {
    /** Where Jazzer keeps (and starts from) its corpus when fuzzing, under the module folder. */
    private static final Path CORPUS = Path.of(".cifuzz-corpus", GgufReaderFuzzTest.class.getName(), "readsOrRejectsWithFormatError");

    /** The reader reads files: each input overwrites this one. */
    @TempDir
    static Path dir;

    /** A header with nothing in it, and a small model with a tokenizer in both versions the reader takes. */
    static Map<String, byte[]> seeds() {
        return Map.of("seed-empty-header-v3", new GgufWriter(3).bytes(),
                "seed-sample-model-v2", GgufTestFiles.sampleModel(2).bytes(),
                "seed-sample-model-v3", GgufTestFiles.sampleModel(3).bytes());
    }

    @BeforeAll
    static void seedTheCorpusWhenFuzzing() throws IOException {
        FuzzInputFile.seedCorpusWhenFuzzing(CORPUS, seeds());
    }

    @Test
    void theSeedsAreAcceptedAndPassTheFuzzChecks() throws IOException, GgufFormatException {
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            readsOrRejectsWithFormatError(seed.getValue());
            GgufReader.read(FuzzInputFile.overwrite(dir.resolve("fuzz.gguf"), seed.getValue())); // accepted, not rejected
        }
    }

    @FuzzTest
    void readsOrRejectsWithFormatError(byte[] bytes) throws IOException {
        Path file = FuzzInputFile.overwrite(dir.resolve("fuzz.gguf"), bytes);
        GgufFile header;
        try {
            header = GgufReader.read(file);
        } catch (GgufFormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().lines().count() == 1,
                    () -> "a rejection is one line: " + e.getMessage());
            assertTrue(e.offset() >= 0, () -> "negative offset: " + e.getMessage());
            return;
        }
        checkAccepted(header, bytes.length);
    }

    private static void checkAccepted(GgufFile header, long fileSize) {
        assertTrue(header.version() == 2 || header.version() == 3, "version " + header.version());
        header.metadata().forEach(GgufReaderFuzzTest::checkValue);
        long alignment = DataAlignment.of(header.metadata());
        assertTrue(alignment > 0 && Long.bitCount(alignment) == 1, "alignment " + alignment);
        checkTensors(header.tensors(), header.dataOffset(), alignment, fileSize);
        // what the artifact check derives from a header must not throw either
        header.parameterCount();
        header.quantization();
        header.contextLength();
        header.fileType();
        header.hasTokenizer();
    }

    private static void checkTensors(List<TensorInfo> tensors, long dataOffset, long alignment, long fileSize) {
        // magic, version and the two counts come before any data
        assertTrue(dataOffset >= 24 && dataOffset % alignment == 0, "data offset " + dataOffset);
        if (tensors.isEmpty()) {
            return;
        }
        assertTrue(dataOffset <= fileSize, "data starts at " + dataOffset + " in a " + fileSize + "-byte file");
        Set<String> names = new HashSet<>();
        for (TensorInfo tensor : tensors) {
            assertTrue(names.add(tensor.name()), "duplicate tensor " + tensor);
            assertTrue(tensor.dimensionCount() <= 4, tensor::toString);
            for (long dim : tensor.dims()) {
                assertTrue(dim >= 1, tensor::toString);
            }
            long elements = tensor.elementCount(); // throws on overflow
            assertTrue(tensor.offset() >= 0 && tensor.offset() % alignment == 0, tensor::toString);
            GgmlType.ofCode(tensor.ggmlType()).ifPresent(type -> {
                long rowLength = tensor.dimensionCount() == 0 ? 1 : tensor.dims()[0];
                assertEquals(0, rowLength % type.blockSize(), tensor::toString);
                long bytes = type.dataBytes(elements);
                assertTrue(bytes <= fileSize - dataOffset - tensor.offset(),
                        () -> tensor + ": " + bytes + " bytes of data past the end of a " + fileSize + "-byte file");
            });
        }
    }

    private static void checkValue(String key, Object value) {
        if (value instanceof GgufArray array) {
            assertTrue(array.length() >= 0, key);
            assertTrue(array.elements().isEmpty() || array.elements().size() == array.length(), key);
            array.elements().forEach(element -> checkValue(key, element));
            return;
        }
        assertTrue(value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof Boolean || value instanceof String,
                () -> key + " holds a " + value.getClass());
    }
}
