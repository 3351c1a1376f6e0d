package org.slmhub.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer.json check: the real all-MiniLM-L6-v2 file, and files that only look like one. */
class TokenizerFileTest {
    @TempDir
    Path dir;

    private String rejected(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), json);
        return assertThrows(TokenizerFormatException.class, () -> TokenizerFile.read(file)).getMessage();
    }

    @Test
    void theRealMiniLmTokenizerIsWordPiece() throws Exception {
        Path file = dir.resolve("tokenizer.json");
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(in, file);
        }
        long start = System.nanoTime();
        TokenizerFile.read(file);
        long second = System.nanoTime();
        TokenizerFile tokenizer = TokenizerFile.read(file);
        System.out.printf("tokenizer.json of all-MiniLM-L6-v2 (%d bytes): first read %.1f ms (with class loading), second %.1f ms%n",
                Files.size(file), (second - start) / 1e6, (System.nanoTime() - second) / 1e6);
        assertEquals("WordPiece", tokenizer.modelType());
    }

    @Test
    void theModelTypeIsFoundWhereverTheFieldsStand() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"),
                "{\"version\":\"1.0\",\"added_tokens\":[{\"id\":0,\"content\":\"[PAD]\"}],\"model\":{\"vocab\":{\"a\":0,\"b\":[1,{\"type\":3}]},\"type\":\"BPE\"},\"decoder\":null}");
        assertEquals("BPE", TokenizerFile.read(file).modelType());
    }

    @Test
    void filesThatAreNotTokenizers() throws Exception {
        assertEquals("the top level is not a JSON object", rejected("[1, 2]"));
        assertEquals("the top-level object has no `model`", rejected("{\"version\": \"1.0\", \"normalizer\": {\"model\": 1}}"));
        assertEquals("`model` at offset 10 is not an object", rejected("{\"model\": \"BPE\"}"));
        assertEquals("`model` has no string `type`", rejected("{\"model\": {\"type\": 3, \"vocab\": {}}}"));
        assertEquals("more JSON after the top-level object, at offset 27", rejected("{\"model\": {\"type\": \"BPE\"}} {\"a\":1}"));
        String html = rejected("<!doctype html><title>404</title>");
        assertTrue(html.startsWith("not JSON at offset 1: Unexpected character ('<'"), html);
        String cut = rejected("{\"model\": {\"type\": \"BPE\"");
        assertTrue(cut.startsWith("not JSON at offset 24: Unexpected end-of-input"), cut);
    }

    @Test
    void deepNestingIsRefusedNotRecursedInto() throws Exception {
        String deep = "{\"model\": {\"type\": \"BPE\"}, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String message = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> rejected(deep));
        assertTrue(message.startsWith("not JSON at offset ") && message.contains("nesting depth"), message);
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(TokenizerFile.MAX_BYTES + 1); // sparse: nothing is written
        }
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFile.read(big));
        assertEquals("the file has 67108865 bytes, over slmhub's limit of 64 MiB for a tokenizer", e.getMessage());
    }
}
