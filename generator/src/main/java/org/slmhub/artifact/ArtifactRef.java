package org.slmhub.artifact;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The store's own view of one downloadable artifact, independent of the catalog's manifest types.
 *
 * @param file   file name as published, e.g. {@code stories260K.gguf}; a relative path such as
 *               {@code onnx/model.onnx} is allowed, but never an absolute one or one containing {@code ..}
 * @param url    where to download it; may be null when the file is only expected in a mirror
 * @param sha256 64 hex digits; normalised to lower case
 * @param size   exact size in bytes
 */
public record ArtifactRef(String file, URI url, String sha256, long size) {

    public ArtifactRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (file.isBlank() || Path.of(file).isAbsolute() || file.startsWith("/") || file.startsWith("\\")) {
            throw new IllegalArgumentException("artifact file must be a relative file name, got '" + file + "'");
        }
        for (String part : file.split("[/\\\\]")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException("artifact file must not contain '" + part + "': '" + file + "'");
            }
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("sha256 of " + file + " must be 64 hex digits, got '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size of " + file + " must not be negative, got " + size);
        }
    }

    /** Last path segment of {@link #file()}: the name a file has in a flat mirror folder. */
    String fileName() {
        return Path.of(file).getFileName().toString();
    }
}
