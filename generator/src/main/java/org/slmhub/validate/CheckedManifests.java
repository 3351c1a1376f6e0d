package org.slmhub.validate;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogLayout;
import org.slmhub.catalog.ContentChecksum;
import org.slmhub.catalog.ManifestFile;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.RecordBytes;
import org.slmhub.catalog.SourcePosition;

/**
 * What a fresh {@code slmhub build} keeps of each manifest between runs, in one file beside the
 * build state: the file's own checks (syntax, schema, the rules of one manifest) and its bound
 * record ({@link RecordBytes}), keyed by path, size, modification time and checksum ({@link ContentChecksum}) of the file's bytes (read only when size
 * or time differ) and the code that checked it ({@link CheckerVersion}). A build after one edit parses and checks that one file; the
 * catalog-wide rules still run on every manifest. Files that did not bind are checked every time.
 * An unreadable, damaged or older-format file is ignored and written anew.
 */
public final class CheckedManifests {
    public static final String FILE = ".slmhub-manifests";
    /** Bumped when the layout below changes (2: records as {@link RecordBytes}, not JSON; 3: a checksum, not SHA-256). */
    static final int FORMAT = 3;
    private static final String MAGIC = "slmhub checked manifests";

    /**
     * {@code encoded}: where the entry sits in the file it was read from, written back as it is when
     * the manifest is unchanged (a slice, not a copy: the copies were 36 MB at 10,000 models).
     */
    private record Kept(long size, long modifiedNanos, byte[] checksum, ModelManifest manifest, List<Finding> findings, Slice encoded) {
        Kept stamped(long size, long modifiedNanos) {
            return size == this.size && modifiedNanos == this.modifiedNanos ? this : new Kept(size, modifiedNanos, checksum, manifest, findings, null);
        }
    }

    private record Slice(byte[] bytes, int from, int to) {
    }

    private final Map<String, Kept> before;
    private final Map<String, Kept> now = new ConcurrentHashMap<>();
    private final String code;
    private final AtomicInteger parsed = new AtomicInteger();
    private final String state;

    private CheckedManifests(Map<String, Kept> before, String code, String state) {
        this.before = before;
        this.code = code;
        this.state = state;
    }

    /** What {@code file} holds for this version of the checks; empty (a full check) when it is absent, damaged or stale. */
    public static CheckedManifests read(Path file) {
        String code = CheckerVersion.current();
        if (!Files.isRegularFile(file)) {
            return new CheckedManifests(Map.of(), code, "none kept");
        }
        try {
            return new CheckedManifests(decode(Files.readAllBytes(file), code), code, "kept");
        } catch (IOException | RuntimeException e) {
            return new CheckedManifests(Map.of(), code, "kept checks unusable (" + e.getMessage() + "), checked anew");
        }
    }

    /** Validates the catalog under {@code root}: kept checks for unchanged files, parsing and checking the rest. */
    public ValidationReport validate(Path root, Validator validator) {
        CatalogLayout.Scan scan = CatalogLayout.scan(root);
        List<Validator.Checked> checked = scan.manifests().parallelStream().map(path -> check(path, scan.stamps().get(path), validator)).toList();
        return validator.report(checked, List.of(), scan.misplaced());
    }

    private Validator.Checked check(Path path, CatalogLayout.Stamp scanned, Validator validator) {
        String key = path.toAbsolutePath().normalize().toString();
        Kept kept = before.get(key);
        CatalogLayout.Stamp stamp = scanned != null ? scanned : stamp(path);
        // Size and modification time unchanged: the same file (the in-memory cache of serve trusts them too),
        // and a checksum of every manifest was most of the time such a build took; otherwise the bytes decide.
        if (kept != null && stamp != null && kept.size() == stamp.size() && kept.modifiedNanos() == stamp.modifiedNanos()) {
            return reuse(path, key, kept);
        }
        byte[] bytes = ManifestFile.bytes(path);
        if (bytes == null || stamp == null) {
            parsed.incrementAndGet();
            return validator.checkOne(ManifestFile.read(path)); // reports why it cannot be read
        }
        byte[] checksum = ContentChecksum.of(bytes);
        if (kept != null && Arrays.equals(kept.checksum(), checksum)) {
            return reuse(path, key, kept.stamped(stamp.size(), stamp.modifiedNanos()));
        }
        parsed.incrementAndGet();
        Validator.Checked c = validator.checkOne(ManifestFile.parse(path, bytes));
        if (c.entry() != null) {
            now.put(key, new Kept(stamp.size(), stamp.modifiedNanos(), checksum, c.entry().manifest(), c.findings(), null));
        }
        return c;
    }

    private Validator.Checked reuse(Path path, String key, Kept kept) {
        now.put(key, kept);
        List<Finding> findings = kept.findings().isEmpty() ? List.of() : kept.findings().stream()
                .map(f -> new Finding(path, f.position(), f.severity(), f.rule(), f.message(), f.hint())).toList();
        return new Validator.Checked(findings, CatalogEntry.positionsOnDemand(path, kept.manifest()));
    }

    /** The stamp of a plain file the walk did not stamp, else null. */
    private static CatalogLayout.Stamp stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? CatalogLayout.Stamp.of(a) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The checksum (hex, {@link ContentChecksum}) of a manifest file's bytes as the last {@link #validate} saw them, or null when it did not bind. */
    public String digest(Path file) {
        Kept k = now.get(file.toAbsolutePath().normalize().toString());
        return k == null ? null : ContentChecksum.hex(k.checksum());
    }

    /** How many files the last {@link #validate} parsed and checked (the others' checks were kept). */
    public int parsed() {
        return parsed.get();
    }

    /** Whether checks were kept, or why they were not. */
    public String state() {
        return state;
    }

    /** Whether {@link #write} would write something other than what was read. */
    public boolean changed() {
        return !before.keySet().equals(now.keySet()) || now.values().stream().anyMatch(k -> k.encoded() == null);
    }

    /** Writes the checks of the last {@link #validate} to {@code file} atomically: a temporary file, then a rename. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                encode(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Magic, format, checker version, entries, then a CRC-32 of all that: a torn or damaged file is never read as checks. */
    private void encode(OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), crc));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(code);
        out.writeInt(now.size());
        for (Map.Entry<String, Kept> e : now.entrySet()) {
            Kept k = e.getValue();
            if (k.encoded() != null) {
                out.write(k.encoded().bytes(), k.encoded().from(), k.encoded().to() - k.encoded().from());
                continue;
            }
            out.writeUTF(e.getKey());
            out.writeLong(k.size());
            out.writeLong(k.modifiedNanos());
            out.write(k.checksum());
            java.io.ByteArrayOutputStream manifest = new java.io.ByteArrayOutputStream(8192);
            RecordBytes.write(new DataOutputStream(manifest), k.manifest());
            out.writeInt(manifest.size());
            manifest.writeTo(out);
            out.writeInt(k.findings().size());
            for (Finding f : k.findings()) {
                out.writeInt(f.position().line());
                out.writeInt(f.position().column());
                out.writeUTF(f.severity().name());
                out.writeUTF(f.rule().name());
                writeText(out, f.message());
                writeText(out, f.hint() == null ? "" : f.hint());
                out.writeBoolean(f.hint() != null);
            }
        }
        out.flush();
        out.writeLong(crc.getValue()); // not part of the sum: it goes out after it was taken
        out.flush();
    }

    private static Map<String, Kept> decode(byte[] bytes, String code) throws IOException {
        if (bytes.length < Long.BYTES) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
        if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) {
            throw new IOException("another format");
        }
        if (!in.readUTF().equals(code)) {
            return Map.of(); // checked by other code: check again
        }
        int count = in.readInt();
        List<Encoded> entries = new ArrayList<>(count);
        int start = bytes.length - Long.BYTES - in.available();
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            long size = in.readLong();
            long modified = in.readLong();
            byte[] checksum = in.readNBytes(ContentChecksum.BYTES);
            int length = in.readInt();
            int manifest = bytes.length - Long.BYTES - in.available();
            in.skipNBytes(length);
            int findings = in.readInt();
            List<Finding> list = new ArrayList<>(findings);
            for (int j = 0; j < findings; j++) {
                SourcePosition at = new SourcePosition(in.readInt(), in.readInt());
                Severity severity = Severity.valueOf(in.readUTF());
                Rule rule = Rule.valueOf(in.readUTF());
                String message = readText(in);
                String hint = readText(in);
                list.add(new Finding(null, at, severity, rule, message, in.readBoolean() ? hint : null));
            }
            int end = bytes.length - Long.BYTES - in.available();
            entries.add(new Encoded(path, size, modified, checksum, manifest, length, List.copyOf(list), start, end));
            start = end;
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        // binding the records is most of the reading: on every core
        List<Kept> bound = entries.parallelStream().map(e -> {
            try {
                ModelManifest m = RecordBytes.read(bytes, e.manifest(), e.length(), ModelManifest.class);
                return new Kept(e.size(), e.modified(), e.checksum(), m, e.findings(), new Slice(bytes, e.start(), e.end()));
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }).toList();
        Map<String, Kept> kept = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            kept.put(entries.get(i).path(), bound.get(i));
        }
        return kept;
    }

    /** An entry as read, before its record is bound: {@code manifest}/{@code length} and {@code start}/{@code end} are offsets in the file. */
    private record Encoded(String path, long size, long modified, byte[] checksum, int manifest, int length, List<Finding> findings, int start, int end) {
    }

    /** Any length of text (writeUTF stops at 64 KB). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
