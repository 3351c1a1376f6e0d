package org.slmhub.site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the last build wrote: a content hash per output file, computed from its inputs (template
 * folder, page data, manifest-derived JSON). Kept in the output folder as {@code .slmhub-build.json};
 * a file whose hash did not change is not rendered again.
 */
public final class BuildState {
    public static final String FILE = ".slmhub-build.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> previous;
    private final Map<String, String> current = new ConcurrentHashMap<>();

    private BuildState(Map<String, String> previous) {
        this.previous = previous;
    }

    /** The state the output folder holds, or an empty one (a full build) when there is none or it is unreadable. */
    public static BuildState read(Path out) {
        Path file = out.resolve(FILE);
        try {
            return new BuildState(Files.isRegularFile(file) ? JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { }) : Map.of());
        } catch (IOException e) {
            return new BuildState(Map.of());
        }
    }

    /**
     * Records the output's hash; true when it differs from the last build's or the file is gone.
     * Paths starting with {@code @} name a step rather than a file (JBake's content bake).
     */
    public boolean changed(Path out, String path, String hash) {
        current.put(path, hash);
        return !hash.equals(previous.get(path)) || !path.startsWith("@") && !Files.exists(out.resolve(path));
    }

    /** Outputs of the last build that this build no longer produces (a model was removed). */
    public Stream<String> stale() {
        return previous.keySet().stream().filter(p -> !current.containsKey(p) && !p.startsWith("@"));
    }

    public void write(Path out) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve(FILE).toFile(), new TreeMap<>(current));
    }

    /**
     * A stable text form of page data: map keys sorted (Map.of iterates in a per-JVM random order),
     * lists in order, everything else by toString.
     */
    static String fingerprint(Object data) {
        StringBuilder text = new StringBuilder();
        append(text, data);
        return text.toString();
    }

    private static void append(StringBuilder text, Object data) {
        if (data instanceof Map<?, ?> map) {
            // maps built in a fixed order (LinkedHashMap, sorted maps) are read as they are; others are sorted first
            Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> ? map : sorted(map);
            text.append('{');
            ordered.forEach((k, v) -> {
                text.append(k).append('=');
                append(text, v);
                text.append(',');
            });
            text.append('}');
        } else if (data instanceof Iterable<?> list) {
            text.append('[');
            list.forEach(v -> {
                append(text, v);
                text.append(',');
            });
            text.append(']');
        } else if (data instanceof String s && s.indexOf('\\') < 0 && s.indexOf(',') < 0) {
            text.append(s);
        } else {
            text.append(data == null ? "null" : data.toString().replace("\\", "\\\\").replace(",", "\\,"));
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    /**
     * A change-detection hash of a text: its length and two CRCs (CRC32C and CRC32, 64 bits). Not a
     * defence against crafted collisions, which could only keep one's own page stale; both CRCs run as
     * CPU intrinsics, where SHA-256 took a tenth of a 10,000-model build.
     */
    static String contentHash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        return Integer.toHexString(bytes.length) + "-" + Long.toHexString(c.getValue()) + Long.toHexString(d.getValue() | 1L << 32).substring(1);
    }

    /** One hash over every file under a folder, names and bytes, in a stable order. */
    static String folderHash(Path folder) {
        MessageDigest d = digest();
        if (!Files.isDirectory(folder)) {
            return "absent";
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                d.update(folder.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                d.update(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
