package org.slmhub.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** The SHA-256 of a local file, streamed: for drafting a manifest from a file at hand. */
public final class FileDigest {
    private FileDigest() {
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            Sha256.update(digest, in, Long.MAX_VALUE);
        }
        return Sha256.hex(digest);
    }
}
