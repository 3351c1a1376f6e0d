package org.slmhub.site;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slmhub.catalog.ContentChecksum;
import org.slmhub.catalog.SealedFile;

/**
 * What the last build wrote: a hash per output file, computed from the keys of its inputs (templates,
 * site settings and site code; per model its manifest's digest, Git dates and smoke result; for a
 * listing its rows' keys), never from the output itself. Kept in the output folder as
 * {@code .slmhub-build}; a file whose hash did not change is not made again. The file is compact
 * binary with a CRC-32, not JSON: reading 21,000 entries of JSON took 170-340 ms under the C1
 * compiler, a tenth of a one-model rebuild at 10,000 models.
 */
public final class BuildState {
    public static final String FILE = ".slmhub-build";
    /** Where formats 1 and 2 kept the state, as JSON: deleted once a build has written the new file. */
    private static final String LEGACY_FILE = ".slmhub-build.json";
    /**
     * What the recorded hashes are made of (page keys since format 2; binary since 3): a state of
     * another format is not trusted, and the build renders and writes everything.
     */
    static final int FORMAT = 3;
    private static final byte[] MAGIC = "slmhub build state\n".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, String> previous;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final String description;

    private BuildState(Map<String, String> previous, String description) {
        this.previous = previous;
        this.description = description;
    }

    /** The state the output folder holds, or an empty one (a full build) when there is none, it is unreadable or of another format. */
    public static BuildState read(Path out) {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new BuildState(Map.of(), "none");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < MAGIC.length + Integer.BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt() != FORMAT) {
                return new BuildState(Map.of(), "of another format, not used");
            }
            int body = SealedFile.bodyLength(bytes);
            if (body < MAGIC.length + 2 * Integer.BYTES) {
                return new BuildState(Map.of(), "unreadable, not used");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + Integer.BYTES, body - MAGIC.length - Integer.BYTES));
            return new BuildState(SealedFile.readTexts(in), "kept");
        } catch (IOException | RuntimeException e) {
            return new BuildState(Map.of(), "unreadable, not used");
        }
    }

    /** Whether the last build's state is used, or why not (then everything is built). */
    public String description() {
        return description;
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

    /** Written to a temporary file, then renamed: a build stopped half-way leaves the last state or none, never a torn one. */
    public void write(Path out) throws IOException {
        // unsorted: sorting 21,000 paths (10,000 models) was a tenth of a one-model rebuild's CPU
        SealedFile.write(out.resolve(FILE), data -> {
            data.write(MAGIC);
            data.writeInt(FORMAT);
            SealedFile.writeTexts(data, current);
        });
        Files.deleteIfExists(out.resolve(LEGACY_FILE));
    }

    /**
     * A hash of page data, stable across runs: maps in a fixed order (LinkedHashMap, sorted maps) are
     * read as they are, others sorted by key (Map.of iterates in a per-JVM random order), lists in
     * order, everything else by toString. Every text is hashed with its length, so no escaping is
     * needed and "a,b" differs from ["a", "b"]. Streamed: no text of the page data is built.
     * {@link Keyed} data counts by its key.
     */
    static String fingerprint(Object data) {
        DataHash h = new DataHash();
        h.add(data);
        return h.hex();
    }

    /** Two 64-bit hashes (FNV-1a and a polynomial one) fed the same characters: 128 bits against chance collisions. */
    private static final class DataHash {
        private static final int LONG_TEXT = 256;
        private long fnv = 0xcbf29ce484222325L;
        private long poly = 17;

        void add(Object data) {
            if (data instanceof Keyed keyed) {
                mark('k', 0);
                text(keyed.key());
            } else if (data instanceof Map<?, ?> map) {
                Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> ? map : sorted(map);
                mark('{', ordered.size());
                for (Map.Entry<?, ?> e : ordered.entrySet()) { // loops, not lambdas: no allocation per map
                    text(String.valueOf(e.getKey()));
                    add(e.getValue());
                }
            } else if (data instanceof Iterable<?> list) {
                mark('[', 0);
                for (Object item : list) {
                    add(item);
                }
                mark(']', 0);
            } else if (data == null) {
                mark('0', 0);
            } else {
                mark('s', 0);
                text(data.toString());
            }
        }

        private void text(String s) {
            int n = s.length();
            mark('#', n);
            if (n > LONG_TEXT) {
                // long texts (a listing's hundred row keys) by their checksum, whose CRCs run as CPU intrinsics
                byte[] sum = ContentChecksum.of(s.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < sum.length; i += 2) {
                    ch((char) ((sum[i] & 0xff) << 8 | sum[i + 1] & 0xff));
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                ch(s.charAt(i));
            }
        }

        private void mark(char kind, int n) {
            ch(kind);
            ch((char) n);
            ch((char) (n >>> 16));
        }

        private void ch(char c) {
            fnv = (fnv ^ c) * 0x100000001b3L;
            poly = poly * 0x9E3779B97F4A7C15L + c;
        }

        String hex() {
            return Long.toHexString(fnv) + "-" + Long.toHexString(poly);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    /** A change-detection hash of a text ({@link ContentChecksum} of its UTF-8 bytes). */
    static String contentHash(String text) {
        return ContentChecksum.hex(ContentChecksum.of(text.getBytes(StandardCharsets.UTF_8)));
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
