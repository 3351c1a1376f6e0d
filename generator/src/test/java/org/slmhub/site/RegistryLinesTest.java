package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last build's registry lines are reused only for the same key, the same models.json and the same code. */
class RegistryLinesTest {
    private static final String INDEX = "{\"format\":1,\"count\":2,\"models\":[{\"id\":\"a/x\"},{\"id\":\"b/y\"}]}\n";
    @TempDir
    Path out;

    @BeforeEach
    void writeAnIndexAndItsLines() throws IOException {
        byte[] index = INDEX.getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("api"));
        Files.write(out.resolve(ApiFiles.INDEX), index);
        int first = INDEX.indexOf("{\"id\":\"a/x\"}");
        int second = INDEX.indexOf("{\"id\":\"b/y\"}");
        List<byte[]> lines = List.of("{\"id\":\"a/x\"}".getBytes(StandardCharsets.UTF_8), "{\"id\":\"b/y\"}".getBytes(StandardCharsets.UTF_8));
        RegistryLines.write(out, "code 1", List.of("a/x", "b/y"), List.of("key a", "key b"), lines, new int[] {first, second}, index);
    }

    @Test
    void aLineMadeFromTheSameKeyIsReused() {
        RegistryLines kept = new RegistryLines(out, "code 1");
        assertArrayEquals("{\"id\":\"a/x\"}".getBytes(StandardCharsets.UTF_8), kept.line("a/x", "key a"));
        assertArrayEquals("{\"id\":\"b/y\"}".getBytes(StandardCharsets.UTF_8), kept.line("b/y", "key b"));
        assertNull(kept.line("a/x", "key a2"), "another key: made again");
        assertNull(kept.line("c/z", "key c"), "a new model");
    }

    @Test
    void anotherModelsJsonOtherCodeOrADamagedFileReuseNothing() throws IOException {
        assertNull(new RegistryLines(out, "code 2").line("a/x", "key a"), "other site code");
        Files.writeString(out.resolve(ApiFiles.INDEX), INDEX.replace("a/x", "a/w"));
        assertNull(new RegistryLines(out, "code 1").line("a/x", "key a"), "models.json changed since");
        Files.writeString(out.resolve(ApiFiles.INDEX), INDEX);
        byte[] lines = Files.readAllBytes(out.resolve(RegistryLines.FILE));
        Files.write(out.resolve(RegistryLines.FILE), java.util.Arrays.copyOf(lines, lines.length - 7));
        assertNull(new RegistryLines(out, "code 1").line("a/x", "key a"), "a torn file");
        Files.delete(out.resolve(ApiFiles.INDEX));
        assertNull(new RegistryLines(out, "code 1").line("a/x", "key a"), "no models.json");
    }
}
