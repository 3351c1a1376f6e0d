package org.slmhub.index;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactRef;
import org.slmhub.artifact.ArtifactStore;

/**
 * Where {@code --index} points: an index folder (used as is), an archive file, or an archive URL.
 * An archive is checked against its sha256 (a sibling {@code FILE.sha256}, or {@code URL#sha256=HEX}),
 * fetched once through the artifact store, and unpacked into {@code <cache>/index/<sha256>/}; after
 * that, searches work offline from the unpacked folder.
 */
public final class IndexLocation {
    private static final Pattern DIGEST_FRAGMENT = Pattern.compile("sha256=([0-9a-fA-F]{64})");

    private IndexLocation() {
    }

    /** @param archive whether the folder was unpacked from an archive (so rebuilding it in place makes no sense) */
    public record Resolved(Path folder, boolean archive) {
    }

    /**
     * @param store   built only when an archive must be fetched or unpacked into the cache
     * @param offline never touch the network: a URL must carry its digest and be unpacked already
     */
    public static Resolved resolve(String spec, Supplier<ArtifactStore> store, boolean offline) throws IndexException {
        if (RemoteArchive.isUrl(spec)) {
            return new Resolved(remote(spec, store, offline), true);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return new Resolved(path, false);
        }
        if (Files.isRegularFile(path)) {
            return new Resolved(local(path, store), true);
        }
        throw IndexException.missing(spec);
    }

    private static Path local(Path archive, Supplier<ArtifactStore> store) throws IndexException {
        try {
            String actual = IndexArchive.sha256(archive);
            Path digestFile = IndexArchive.digestFileOf(archive);
            if (Files.isRegularFile(digestFile)) {
                String expected = IndexArchive.parseDigest(Files.readString(digestFile)).orElseThrow(() -> new IndexException(
                        IndexException.Kind.ARCHIVE, digestFile + " holds no sha256"));
                if (!expected.equals(actual)) {
                    throw new IndexException(IndexException.Kind.ARCHIVE, "checksum mismatch for " + archive + ": " + digestFile.getFileName()
                            + " says sha256 " + expected + ", the file has " + actual + "; the archive is damaged or not the one published");
                }
            }
            return unpacked(store.get().cacheRoot(), actual, archive);
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "cannot read the index archive " + archive + ": " + e.getMessage(), e);
        }
    }

    private static Path remote(String spec, Supplier<ArtifactStore> storeSupplier, boolean offline) throws IndexException {
        URI uri;
        try {
            uri = URI.create(spec);
        } catch (IllegalArgumentException e) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "not a valid URL: " + spec);
        }
        URI archive = URI.create(spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec);
        Matcher given = DIGEST_FRAGMENT.matcher(uri.getFragment() == null ? "" : uri.getFragment());
        if (!given.matches() && offline) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "--offline needs the archive's digest in the URL: " + archive + "#sha256=HEX");
        }
        String sha256 = given.matches() ? given.group(1).toLowerCase(Locale.ROOT) : RemoteArchive.digest(archive);
        ArtifactStore store = storeSupplier.get();
        Path folder = cacheFolder(store.cacheRoot(), sha256);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        if (offline) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "the index archive " + archive + " is not in the cache, and --offline forbids downloading it");
        }
        String path = archive.getPath() == null ? "" : archive.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1).isBlank() ? "slmhub-index.zip" : path.substring(path.lastIndexOf('/') + 1);
        try {
            Path file = store.resolve(new ArtifactRef(name, archive, sha256, RemoteArchive.size(archive))).path();
            return unpacked(store.cacheRoot(), sha256, file);
        } catch (ArtifactException e) {
            throw new IndexException(IndexException.Kind.ARCHIVE, e.getMessage(), e);
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "cannot unpack the index archive from " + archive + ": " + e.getMessage(), e);
        }
    }

    static Path cacheFolder(Path cacheRoot, String sha256) {
        return cacheRoot.resolve("index").resolve(sha256);
    }

    /** Unpacks once per digest; a half-unpacked folder is never seen, because it is renamed into place. */
    private static Path unpacked(Path cacheRoot, String sha256, Path archive) throws IOException, IndexException {
        Path folder = cacheFolder(cacheRoot, sha256);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path tmp = folder.resolveSibling(".unpack-" + UUID.randomUUID());
        try {
            IndexArchive.unpack(archive, tmp);
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            } // another process unpacked the same archive first
        } finally {
            deleteTree(tmp);
        }
        return folder;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
