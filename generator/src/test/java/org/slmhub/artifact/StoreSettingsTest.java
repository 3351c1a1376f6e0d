package org.slmhub.artifact;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where the cache and mirrors come from, and which artifact references are accepted. */
class StoreSettingsTest {

    @Test
    void cacheRootPrefersSlmhubCacheThenXdgThenHome() {
        assertEquals(Path.of("/c/slm"), ArtifactStore.defaultCacheRoot(
                Map.of("SLMHUB_CACHE", "/c/slm", "XDG_CACHE_HOME", "/xdg", "HOME", "/home/u")));
        assertEquals(Path.of("/xdg/slmhub"), ArtifactStore.defaultCacheRoot(
                Map.of("SLMHUB_CACHE", " ", "XDG_CACHE_HOME", "/xdg", "HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/slmhub"), ArtifactStore.defaultCacheRoot(
                Map.of("XDG_CACHE_HOME", "relative/ignored", "HOME", "/home/u")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "slmhub"),
                ArtifactStore.defaultCacheRoot(Map.of()));
    }

    @Test
    void mirrorsAreSplitLikePath() {
        String value = "/m1" + File.pathSeparator + File.pathSeparator + " /m2 ";

        assertEquals(List.of(Path.of("/m1"), Path.of("/m2")),
                ArtifactStore.mirrorsFromEnv(Map.of("SLMHUB_MIRROR", value)));
        assertEquals(List.of(), ArtifactStore.mirrorsFromEnv(Map.of()));
    }

    @Test
    void refNormalisesDigestAndRejectsBadValues() {
        String sha = "AB".repeat(32);
        URI url = URI.create("https://example.org/m.gguf");

        assertEquals("ab".repeat(32), new ArtifactRef("m.gguf", url, sha, 1).sha256());
        assertEquals("sha256 of m.gguf must be 64 hex digits, got 'abc'",
                assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("m.gguf", url, "abc", 1)).getMessage());
        assertEquals("size of m.gguf must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("m.gguf", url, sha, -1)).getMessage());
        assertEquals("artifact file must not contain '..': '../m.gguf'",
                assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("../m.gguf", url, sha, 1)).getMessage());
        assertEquals("artifact file must be a relative file name, got '/etc/m.gguf'",
                assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("/etc/m.gguf", url, sha, 1)).getMessage());
    }
}
