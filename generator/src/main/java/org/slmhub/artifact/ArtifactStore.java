package org.slmhub.artifact;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.slmhub.artifact.ArtifactException.Kind.UNAVAILABLE;

/**
 * Resolves an artifact to a verified local file: from the cache, else from a mirror folder, else by
 * downloading it into the cache. Build one per run with {@link #builder(Path)}; it remembers which
 * mirror files it already hashed.
 */
public final class ArtifactStore {

    private final BlobCache cache;
    private final MirrorSearch mirrors;
    private final List<Path> mirrorDirs;
    private final boolean allowDownload;
    private final CacheDownloader downloader;

    private ArtifactStore(Builder b) {
        this.cache = new BlobCache(b.cacheRoot);
        this.mirrorDirs = List.copyOf(b.mirrors);
        this.mirrors = new MirrorSearch(mirrorDirs);
        this.allowDownload = b.allowDownload;
        this.downloader = new CacheDownloader(cache, new HttpTransfer(b.connectTimeout, b.readTimeout, b.progress));
    }

    public static Builder builder(Path cacheRoot) {
        return new Builder(cacheRoot);
    }

    public Resolved resolve(ArtifactRef ref) throws ArtifactException {
        Optional<Path> cached = findInCache(ref);
        if (cached.isPresent()) {
            return new Resolved(cached.get(), Resolved.Source.CACHE);
        }
        MirrorSearch.Outcome mirrored = mirrors.find(ref);
        if (mirrored.file().isPresent()) {
            return new Resolved(mirrored.file().get(), Resolved.Source.MIRROR);
        }
        if (!allowDownload || ref.url() == null) {
            var wrong = mirrored.wrongBytes();
            if (wrong.isPresent()) {
                // The file is there under its name but is not the file the manifest describes.
                throw new ArtifactException(wrong.get().kind(), ref.file() + ": " + wrong.get().message());
            }
            String why = allowDownload ? "the manifest gives no url" : "downloads are disabled (offline)";
            String rejected = mirrored.rejected().isEmpty() ? ""
                    : "; " + String.join("; ", mirrored.rejected().stream().map(MirrorSearch.Rejection::message).toList());
            throw new ArtifactException(UNAVAILABLE, ref.file() + " (sha256 " + ref.sha256() + ") is not in the cache ("
                    + cache.root() + ") or any mirror (" + (mirrorDirs.isEmpty() ? "none given" : mirrorDirs) + ") and "
                    + why + "; add a --mirror folder holding it or allow downloads" + rejected);
        }
        UrlPolicy.check(ref, ref.url());
        return downloader.download(ref);
    }

    public Path cacheRoot() {
        return cache.root();
    }

    /** Checks a local file against a declared sha256 and size; see {@link Verification} for the fields. */
    public static Verification verify(Path file, String sha256, long size) throws IOException {
        return Verification.of(file, sha256.toLowerCase(Locale.ROOT), size);
    }

    /** {@code $SLMHUB_CACHE}, else {@code $XDG_CACHE_HOME/slmhub} (if absolute, as XDG asks), else {@code ~/.cache/slmhub}. */
    public static Path defaultCacheRoot(Map<String, String> env) {
        String explicit = env.get("SLMHUB_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "slmhub");
        }
        String home = env.getOrDefault("HOME", "");
        return Path.of(home.isBlank() ? System.getProperty("user.home") : home, ".cache", "slmhub");
    }

    /** The folders in {@code $SLMHUB_MIRROR}, separated like PATH ({@code :}, or {@code ;} on Windows). */
    public static List<Path> mirrorsFromEnv(Map<String, String> env) {
        String value = env.getOrDefault("SLMHUB_MIRROR", "");
        return Arrays.stream(value.split(File.pathSeparator))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private Optional<Path> findInCache(ArtifactRef ref) throws ArtifactException {
        try {
            return cache.find(ref);
        } catch (IOException e) {
            throw new ArtifactException(UNAVAILABLE, "cannot read the cache at " + cache.root() + ": " + e
                    + "; set SLMHUB_CACHE to a readable folder", e);
        }
    }

    /** Options with the defaults: no mirrors, downloads allowed, no progress, 15 s connect, 30 s stall. */
    public static final class Builder {
        private final Path cacheRoot;
        private List<Path> mirrors = List.of();
        private boolean allowDownload = true;
        private DownloadProgress progress = DownloadProgress.none();
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder(Path cacheRoot) {
            this.cacheRoot = cacheRoot;
        }

        public Builder mirrors(List<Path> mirrors) {
            this.mirrors = List.copyOf(mirrors);
            return this;
        }

        /** False is offline mode: only the cache and mirrors are used. */
        public Builder allowDownload(boolean allowDownload) {
            this.allowDownload = allowDownload;
            return this;
        }

        public Builder progress(DownloadProgress progress) {
            this.progress = progress;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Longest wait for response headers or for the next bytes of the body. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public ArtifactStore build() {
            return new ArtifactStore(this);
        }
    }
}
