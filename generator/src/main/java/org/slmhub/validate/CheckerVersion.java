package org.slmhub.validate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which code checked a manifest, as a hash: the parser's and the rules' classes, the schema and
 * license list, and the libraries' versions. Kept checks ({@link CheckedManifests}) are used only
 * by the same code, so a changed rule or schema checks every manifest again, with no number to bump.
 * From a jar its entries' CRCs are read (no class is read whole); from a classes folder, the files.
 */
public final class CheckerVersion {
    /** What the checks' results depend on, besides the manifest. */
    private static final List<String> PARTS = List.of("org/slmhub/catalog/", "org/slmhub/validate/", "schema/", "spdx/", "META-INF/maven/");
    private static volatile String current;
    /**
     * Where every caller's parts lie (the jar holds every library's classes too): only entries under
     * these are kept, read once per process with their CRC and size.
     */
    private static final List<String> KNOWN = List.of("org/slmhub/", "schema/", "spdx/", "META-INF/maven/");
    /** Every class and resource of the code under {@link #KNOWN}, with its CRC and size. */
    private static volatile TreeMap<String, Long> sums;

    private CheckerVersion() {
    }

    static String current() {
        String v = current;
        if (v == null) {
            v = of(PARTS, "format " + CheckedManifests.FORMAT);
            current = v;
        }
        return v;
    }

    /**
     * A hash of the classes and resources whose names start with one of {@code parts}, and of {@code extra}:
     * another stage's kept results (the site's page keys) name the code that made them the same way.
     */
    public static String of(List<String> parts, String extra) {
        if (!parts.stream().allMatch(p -> wanted(p, KNOWN))) {
            throw new IllegalArgumentException("not under a known part of the code: " + parts);
        }
        TreeMap<String, Long> all = sums();
        if (all == null) {
            return "unknown " + java.util.UUID.randomUUID(); // nothing kept matches it: this run does everything
        }
        MessageDigest d = digest();
        all.forEach((name, sum) -> {
            if (wanted(name, parts)) {
                d.update((name + " " + sum + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        d.update(extra.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    private static TreeMap<String, Long> sums() {
        TreeMap<String, Long> s = sums;
        if (s == null) {
            s = read();
            sums = s;
        }
        return s;
    }

    /** Null when the code's location cannot be read. */
    private static TreeMap<String, Long> read() {
        TreeMap<String, Long> parts = new TreeMap<>();
        try {
            CodeSource source = CheckerVersion.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        if (!entry.isDirectory() && wanted(entry.getName(), KNOWN)) {
                            parts.put(entry.getName(), entry.getCrc() ^ entry.getSize() << 32);
                        }
                    }
                }
            } else {
                try (Stream<Path> walk = Files.walk(location)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        String name = location.relativize(p).toString().replace('\\', '/');
                        if (!wanted(name, KNOWN)) {
                            continue;
                        }
                        CRC32 crc = new CRC32();
                        crc.update(Files.readAllBytes(p));
                        parts.put(name, crc.getValue() ^ Files.size(p) << 32);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return parts;
    }

    private static boolean wanted(String name, List<String> parts) {
        for (String part : parts) {
            if (name.startsWith(part)) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
