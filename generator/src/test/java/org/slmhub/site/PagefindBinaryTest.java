package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the pinned Pagefind in a layout of npm's npx cache that the test writes. */
class PagefindBinaryTest {
    @TempDir
    Path cache;

    private Path install(String hash, String version, String platformVersion, String executable) throws IOException {
        Path modules = cache.resolve("_npx").resolve(hash).resolve("node_modules");
        Files.createDirectories(modules.resolve("pagefind"));
        Files.writeString(modules.resolve("pagefind/package.json"), "{\n  \"name\": \"pagefind\",\n  \"version\": \"" + version + "\"\n}\n");
        Path pkg = modules.resolve("@pagefind/linux-x64");
        Files.createDirectories(pkg.resolve("bin"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"@pagefind/linux-x64\",\"version\":\"" + platformVersion + "\"}");
        Path exe = pkg.resolve("bin").resolve(executable);
        Files.writeString(exe, "#!/bin/sh\n");
        assertTrue(exe.toFile().setExecutable(true));
        return exe;
    }

    private Optional<Path> find(String arch) {
        return PagefindBinary.inNpxCache("1.6.0", Map.of("npm_config_cache", cache.toString()), "Linux", arch);
    }

    @Test
    void theExtendedExecutableOfThePinnedVersionIsFound() throws IOException {
        install("aaa", "1.5.0", "1.5.0", "pagefind_extended");
        Path pinned = install("bbb", "1.6.0", "1.6.0", "pagefind_extended");
        assertEquals(Optional.of(pinned), find("amd64"));
        assertEquals(Optional.of(pinned), find("x86_64"));
    }

    @Test
    void anotherVersionAMismatchedPlatformPackageOrAnotherCpuIsNotUsed() throws IOException {
        install("aaa", "1.5.0", "1.5.0", "pagefind_extended");
        install("bbb", "1.6.0", "1.5.0", "pagefind_extended");
        assertEquals(Optional.empty(), find("amd64"));
        install("ccc", "1.6.0", "1.6.0", "pagefind");
        assertEquals(Optional.empty(), find("aarch64"));
        assertEquals(Optional.empty(), PagefindBinary.inNpxCache("1.6.0", Map.of("npm_config_cache", cache.toString()), "SunOS", "amd64"));
    }

    @Test
    void thePlainExecutableServesWhenTheExtendedOneIsAbsentAndNoCacheMeansNpx() throws IOException {
        assertEquals(Optional.empty(), find("amd64"));
        Path plain = install("ccc", "1.6.0", "1.6.0", "pagefind");
        assertEquals(Optional.of(plain), find("amd64"));
    }

    @Test
    void npmsCacheFolderFollowsItsSettingElseTheHomeFolder() {
        assertEquals(Path.of("/c"), PagefindBinary.npmCache(Map.of("npm_config_cache", "/c", "HOME", "/h"), "linux"));
        assertEquals(Path.of("/h", ".npm"), PagefindBinary.npmCache(Map.of("HOME", "/h"), "linux"));
        assertEquals(Path.of("C:/x", "npm-cache"), PagefindBinary.npmCache(Map.of("LOCALAPPDATA", "C:/x"), "windows"));
    }
}
