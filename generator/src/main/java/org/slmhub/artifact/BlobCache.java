package org.slmhub.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The content-addressed cache: {@code <root>/blobs/sha256/<hex>} holds verified files only, and
 * {@code <root>/tmp/} holds downloads in progress. Both live under one root so the final move is an
 * atomic rename on one filesystem.
 */
final class BlobCache {

    private final Path root;
    private final Path blobs;
    private final Path tmp;

    BlobCache(Path root) {
        this.root = root;
        this.blobs = root.resolve("blobs").resolve("sha256");
        this.tmp = root.resolve("tmp");
    }

    Path root() {
        return root;
    }

    Path blobPath(String sha256) {
        return blobs.resolve(sha256);
    }

    Path partialPath(String sha256) {
        return tmp.resolve(sha256 + ".partial");
    }

    Path lockPath(String sha256) {
        return tmp.resolve(sha256 + ".lock");
    }

    /**
     * The cached blob, trusted after a size check because only verified files are ever moved in.
     * A blob of the wrong size is a corrupt entry (e.g. a disk error or a hand edit): it is deleted.
     */
    Optional<Path> find(ArtifactRef ref) throws IOException {
        Path blob = blobPath(ref.sha256());
        if (!Files.isRegularFile(blob)) {
            return Optional.empty();
        }
        if (Files.size(blob) == ref.size()) {
            return Optional.of(blob);
        }
        Files.deleteIfExists(blob);
        return Optional.empty();
    }

    /** Creates the folders; called only when about to write, so lookups never create a cache. */
    void prepare() throws IOException {
        Files.createDirectories(blobs);
        Files.createDirectories(tmp);
    }

    /** Moves a verified file into place in one atomic rename, so readers never see a partial blob. */
    Path commit(Path verified, String sha256) throws IOException {
        Path blob = blobPath(sha256);
        Files.move(verified, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return blob;
    }
}
