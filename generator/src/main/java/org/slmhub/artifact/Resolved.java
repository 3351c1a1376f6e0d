package org.slmhub.artifact;

import java.nio.file.Path;

/**
 * A verified local copy of an artifact and where it came from.
 *
 * @param path   a blob in the cache, or the mirror file itself (mirror files are used in place)
 * @param source which step of the resolution produced it
 */
public record Resolved(Path path, Source source) {

    public enum Source {
        /** Already in {@code <cache>/blobs/sha256/}. */
        CACHE,
        /** A file in a mirror folder whose size and sha256 matched; not copied. */
        MIRROR,
        /** Downloaded, verified and moved into the cache by this call. */
        DOWNLOAD
    }
}
