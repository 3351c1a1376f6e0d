package org.slmhub.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Manifests parsed earlier in this process ({@code slmhub serve} rebuilds on every change): a file
 * whose size and modification time are what they were is not read and parsed again. Parsing is
 * most of loading a catalog, so a rebuild after one edit parses one file.
 */
public final class ParsedManifests {
    private record Kept(long size, long modifiedNanos, ManifestFile file) {
    }

    private final Map<Path, Kept> kept = new ConcurrentHashMap<>();

    /** The parsed file: from memory when unchanged on disk, else read now (and kept). */
    public ManifestFile read(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            kept.remove(path);
            return ManifestFile.read(path); // reports why it cannot be read
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        Kept k = kept.get(path);
        if (k != null && k.size() == size && k.modifiedNanos() == modified) {
            return k.file();
        }
        ManifestFile file = ManifestFile.read(path);
        kept.put(path, new Kept(size, modified, file));
        return file;
    }

    /** Forgets files no longer in the catalog. */
    void retainOnly(java.util.Collection<Path> paths) {
        kept.keySet().retainAll(new java.util.HashSet<>(paths));
    }
}
