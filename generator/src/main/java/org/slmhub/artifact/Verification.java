package org.slmhub.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Result of checking a local file against a declared size and sha256.
 *
 * @param actualSize   bytes found; when the file is longer than declared this is at least expected + 1
 * @param actualSha256 sha256 of the file, or null when the sizes differ: a file of the wrong size is
 *                     wrong whatever its digest, so it is not hashed (saves reading a multi-GB file)
 */
public record Verification(Path file, long expectedSize, String expectedSha256, long actualSize, String actualSha256) {

    public boolean ok() {
        return actualSize == expectedSize && expectedSha256.equals(actualSha256);
    }

    /** One line naming what is wrong, or null when {@link #ok()}. */
    public String problem() {
        if (actualSize != expectedSize) {
            return file + " has " + actualSize + " bytes, expected " + expectedSize;
        }
        if (!ok()) {
            return file + " has sha256 " + actualSha256 + ", expected " + expectedSha256;
        }
        return null;
    }

    /** Streams the file through SHA-256, reading at most {@code size + 1} bytes. */
    static Verification of(Path file, String sha256, long size) throws IOException {
        long onDisk = Files.size(file);
        if (onDisk != size) {
            return new Verification(file, size, sha256, onDisk, null);
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            long read = Sha256.update(digest, in, size);
            // The file may change while we read it: one extra byte means it is now longer than declared.
            if (read < size || in.read() >= 0) {
                return new Verification(file, size, sha256, read < size ? read : size + 1, null);
            }
        }
        return new Verification(file, size, sha256, size, Sha256.hex(digest));
    }
}
