package org.slmhub.artifact;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second slmhub process sharing a cache: resolves one artifact through the real store and prints
 * where it came from and where it lies. Args: cache, file name, url, sha256, size.
 */
public final class ResolveInAnotherProcess {
    private ResolveInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        ArtifactStore store = ArtifactStore.builder(Path.of(args[0])).connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5)).build();
        Resolved r = store.resolve(new ArtifactRef(args[1], URI.create(args[2]), args[3], Long.parseLong(args[4])));
        System.out.println(r.source() + " " + r.path());
    }
}
