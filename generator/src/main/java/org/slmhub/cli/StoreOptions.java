package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.artifact.DownloadProgress;
import org.slmhub.registry.RegistryException;
import org.slmhub.registry.SiteRegistry;
import picocli.CommandLine.Option;

/** Where artifacts come from: the cache, mirror folders, and (unless offline) the network. */
final class StoreOptions {
    /** A connection needs no longer than this even when the wait for data may be longer. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_TIMEOUT_SECONDS = Duration.ofDays(1).toSeconds();

    @Option(names = "--mirror", paramLabel = "DIR",
            description = "A folder holding artifact files (found by name or sha256); repeatable. Also SLMHUB_MIRROR (path-separated).")
    List<Path> mirrors = new ArrayList<>();

    @Option(names = "--offline", description = "Never download: use only the cache and the mirrors.")
    boolean offline;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The artifact cache (default: SLMHUB_CACHE, else $XDG_CACHE_HOME/slmhub or ~/.cache/slmhub).")
    Path cache;

    @Option(names = "--download-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait for a server's answer or the next bytes of a download, and to connect (at most 15 s); default: ${DEFAULT-VALUE}, decimals allowed.")
    double downloadTimeout;

    private Duration timeout() {
        if (!(downloadTimeout >= 0.001 && downloadTimeout <= MAX_TIMEOUT_SECONDS)) {
            throw new UsageException("--download-timeout must be from 0.001 to " + MAX_TIMEOUT_SECONDS + " seconds");
        }
        return Duration.ofMillis(Math.round(downloadTimeout * 1000));
    }

    private Path cacheRoot() {
        return cache != null ? cache : ArtifactStore.defaultCacheRoot(System.getenv());
    }

    private static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT;
    }

    /** A published site's registry (or a site folder's), keeping what it fetches in this store's cache, under the same timeouts. */
    SiteRegistry registry(String location) throws RegistryException {
        Duration timeout = timeout();
        return SiteRegistry.at(location, cacheRoot(), offline, connectTimeout(timeout), timeout);
    }

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
        Duration timeout = timeout();
        return ArtifactStore.builder(cacheRoot())
                .mirrors(allMirrors())
                .allowDownload(!offline)
                .connectTimeout(connectTimeout(timeout))
                .readTimeout(timeout)
                .progress(System.console() != null ? DownloadProgress.forConsole() : DownloadProgress.none())
                .build();
    }
}
