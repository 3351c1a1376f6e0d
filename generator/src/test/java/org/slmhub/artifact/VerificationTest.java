package org.slmhub.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationTest {

    private static final byte[] DATA = "a small artifact".getBytes();
    private static final String SHA = ArtifactServer.sha256(DATA);

    @TempDir
    Path tmp;

    @Test
    void matchingFileIsOk() throws Exception {
        Path file = Files.write(tmp.resolve("f"), DATA);

        Verification v = ArtifactStore.verify(file, SHA.toUpperCase(), DATA.length);

        assertTrue(v.ok());
        assertEquals(SHA, v.actualSha256());
        assertNull(v.problem());
    }

    @Test
    void wrongSizeIsReportedWithoutHashing() throws Exception {
        Path file = Files.write(tmp.resolve("f"), DATA);

        Verification v = ArtifactStore.verify(file, SHA, DATA.length - 1);

        assertFalse(v.ok());
        assertEquals(DATA.length, v.actualSize());
        assertNull(v.actualSha256(), "a file of the wrong size is not hashed");
        assertEquals(file + " has " + DATA.length + " bytes, expected " + (DATA.length - 1), v.problem());
    }

    @Test
    void wrongBytesAreReportedWithBothDigests() throws Exception {
        byte[] other = "A small artifact".getBytes();
        Path file = Files.write(tmp.resolve("f"), other);

        Verification v = ArtifactStore.verify(file, SHA, DATA.length);

        assertFalse(v.ok());
        assertEquals(file + " has sha256 " + ArtifactServer.sha256(other) + ", expected " + SHA, v.problem());
    }

    @Test
    void emptyFileWithEmptyDigestIsOk() throws Exception {
        Path file = Files.write(tmp.resolve("empty"), new byte[0]);

        assertTrue(ArtifactStore.verify(file, ArtifactServer.sha256(new byte[0]), 0).ok());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> ArtifactStore.verify(tmp.resolve("nope"), SHA, 1));
    }
}
