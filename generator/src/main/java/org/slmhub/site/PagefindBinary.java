package org.slmhub.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pinned Pagefind executable where an earlier {@code npx pagefind@VERSION} left it in npm's cache
 * ({@code <cache>/_npx/<hash>/node_modules/@pagefind/<platform>-<cpu>/bin/}). Run directly it starts
 * at once; through {@code npx} two Node.js processes start first (about 1 s of CPU on the 2-core machine).
 * Only a cache whose {@code pagefind} and platform packages both say the pinned version counts; npm's
 * wrapper runs the same executable with the same arguments (it prefers {@code pagefind_extended}, as here).
 */
final class PagefindBinary {
    private static final Pattern VERSION_FIELD = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");
    private static final List<String> NAMES = List.of("pagefind_extended", "pagefind");

    private PagefindBinary() {
    }

    /** The executable of {@code version} in the npm cache this environment uses, if an earlier npx run left one. */
    static Optional<Path> inNpxCache(String version, Map<String, String> env, String osName, String osArch) {
        String platform = platform(osName);
        String cpu = cpu(osArch);
        if (platform == null || cpu == null) {
            return Optional.empty();
        }
        Path npx = npmCache(env, platform).resolve("_npx");
        if (!Files.isDirectory(npx)) {
            return Optional.empty();
        }
        List<Path> installs = new ArrayList<>();
        try (Stream<Path> list = Files.list(npx)) {
            list.map(p -> p.resolve("node_modules")).sorted().forEach(installs::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path modules : installs) {
            Path pkg = modules.resolve("@pagefind").resolve(platform + "-" + cpu);
            if (!version.equals(packageVersion(modules.resolve("pagefind"))) || !version.equals(packageVersion(pkg))) {
                continue;
            }
            for (String name : NAMES) {
                Path exe = pkg.resolve("bin").resolve(platform.equals("windows") ? name + ".exe" : name);
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    return Optional.of(exe);
                }
            }
        }
        return Optional.empty();
    }

    /** npm's cache folder: {@code npm_config_cache} when set, else npm's default for the platform. */
    static Path npmCache(Map<String, String> env, String platform) {
        String configured = env.getOrDefault("npm_config_cache", env.get("NPM_CONFIG_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (platform.equals("windows") && env.get("LOCALAPPDATA") != null) {
            return Path.of(env.get("LOCALAPPDATA"), "npm-cache");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".npm");
    }

    private static String packageVersion(Path packageFolder) {
        try {
            Matcher m = VERSION_FIELD.matcher(Files.readString(packageFolder.resolve("package.json"), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Node's {@code process.platform} names, as npm's wrapper uses them. */
    private static String platform(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        return os.startsWith("freebsd") ? "freebsd" : null;
    }

    /** Node's {@code os.arch()} names. */
    private static String cpu(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
    }
}
