package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.artifact.DownloadProgress;
import picocli.CommandLine.Option;

/** Where artifacts come from: the cache, mirror folders, and (unless offline) the network. */
final class StoreOptions {
    @Option(names = "--mirror", paramLabel = "DIR",
            description = "A folder holding artifact files (found by name or sha256); repeatable. Also SLMHUB_MIRROR (path-separated).")
    List<Path> mirrors = new ArrayList<>();

    @Option(names = "--offline", description = "Never download: use only the cache and the mirrors.")
    boolean offline;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The artifact cache (default: SLMHUB_CACHE, else $XDG_CACHE_HOME/slmhub or ~/.cache/slmhub).")
    Path cache;

    /** Every mirror from the option and the environment, each checked to exist. */
    List<Path> allMirrors() {
        List<Path> all = new ArrayList<>(mirrors);
        all.addAll(ArtifactStore.mirrorsFromEnv(System.getenv()));
        for (Path mirror : all) {
            if (!Files.isDirectory(mirror)) {
                throw new UsageException("mirror folder " + mirror + " not found");
            }
        }
        return all;
    }

    ArtifactStore open() {
        Map<String, String> env = System.getenv();
        Path root = cache != null ? cache : ArtifactStore.defaultCacheRoot(env);
        return ArtifactStore.builder(root)
                .mirrors(allMirrors())
                .allowDownload(!offline)
                .progress(System.console() != null ? DownloadProgress.forConsole() : DownloadProgress.none())
                .build();
    }
}
