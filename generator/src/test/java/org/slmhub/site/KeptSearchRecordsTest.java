package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last build's search records are reused only for the same page path, key and site code, and never from a damaged file. */
class KeptSearchRecordsTest {
    private static final byte[] A = "<span data-pagefind-body>a é 漢字</span>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = new byte[0];
    @TempDir
    Path out;

    @BeforeEach
    void keepTwoRecords() throws IOException {
        KeptSearchRecords.write(out, "code 1", List.of("models/a/x/index.html", "models/b/y/index.html"), List.of("hash a", "hash b"), List.of(A, B));
    }

    @Test
    void aRecordMadeFromTheSameKeyIsReused() {
        KeptSearchRecords kept = KeptSearchRecords.read(out, "code 1");
        assertArrayEquals(A, kept.html("models/a/x/index.html", "hash a"));
        assertArrayEquals(B, kept.html("models/b/y/index.html", "hash b"), "an empty record is a record");
        assertNull(kept.html("models/a/x/index.html", "hash a2"), "another key: made again");
        assertNull(kept.html("models/c/z/index.html", "hash c"), "a new model");
        assertFalse(Files.exists(out.resolve(KeptSearchRecords.FILE + ".tmp")), "written through a temporary file, then renamed");
    }

    @Test
    void otherCodeADamagedOrMissingFileReuseNothing() throws IOException {
        assertNull(KeptSearchRecords.read(out, "code 2").html("models/a/x/index.html", "hash a"), "other site code");
        Path file = out.resolve(KeptSearchRecords.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertNull(KeptSearchRecords.read(out, "code 1").html("models/a/x/index.html", "hash a"), "a torn file");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(file, flipped);
        assertNull(KeptSearchRecords.read(out, "code 1").html("models/a/x/index.html", "hash a"), "a changed byte");
        Files.write(file, new byte[3]);
        assertNull(KeptSearchRecords.read(out, "code 1").html("models/a/x/index.html", "hash a"), "shorter than its checksum");
        Files.delete(file);
        assertNull(KeptSearchRecords.read(out, "code 1").html("models/a/x/index.html", "hash a"), "no file");
    }
}
