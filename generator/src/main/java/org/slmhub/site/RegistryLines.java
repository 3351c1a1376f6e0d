package org.slmhub.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.catalog.ContentChecksum;

/**
 * Each model's line of {@code api/models.json} as the last build wrote it, so that a fresh process
 * after one edit makes one line instead of 10,000 (making them was about a tenth of such a rebuild's
 * profile samples).
 * {@code .slmhub-api-lines} beside the build state lists, per model, the key its line was made from
 * and where the line sits in models.json. Lines are reused only while models.json is byte for byte
 * the file it describes (length and checksum) and the site code is the same; anything else, a
 * damaged file included, means every line is made again. The file is read only when a line is
 * asked for, and only by a process's first build: {@code serve} keeps its lines in memory ({@link SiteMemo}).
 */
final class RegistryLines {
    static final String FILE = ".slmhub-api-lines";
    private static final String MAGIC = "slmhub registry lines 1";
    private static final Kept NO_LINES = new Kept(Map.of(), new byte[0]);
    /** Lines of no build: every line is made. */
    static final RegistryLines NONE = new RegistryLines(null, null);

    private record Line(String key, int start, int length) {
    }

    private record Kept(Map<String, Line> lines, byte[] index) {
    }

    private final Path out;
    private final String code;
    private volatile Kept kept;

    /** The lines kept in {@code out} for this site {@code code}, read when the first line is asked for. */
    RegistryLines(Path out, String code) {
        this.out = out;
        this.code = code;
        this.kept = out == null ? NO_LINES : null;
    }

    private Kept kept() {
        Kept k = kept;
        if (k == null) {
            synchronized (this) {
                k = kept;
                if (k == null) {
                    k = read(out, code);
                    kept = k;
                }
            }
        }
        return k;
    }

    /** What the last build kept for this site code; none when anything does not match. */
    private static Kept read(Path out, String code) {
        try {
            Path file = out.resolve(FILE);
            Path registry = out.resolve(ApiFiles.INDEX);
            if (!Files.isRegularFile(file) || !Files.isRegularFile(registry)) {
                return NO_LINES;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(code)) {
                return NO_LINES;
            }
            byte[] index = Files.readAllBytes(registry);
            if (!Arrays.equals(in.readNBytes(ContentChecksum.BYTES), ContentChecksum.of(index))) {
                return NO_LINES; // models.json is not the file these offsets describe
            }
            int count = in.readInt();
            Map<String, Line> lines = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                Line line = new Line(in.readUTF(), in.readInt(), in.readInt());
                String id = in.readUTF();
                if (line.start() < 0 || line.length() < 0 || line.start() > index.length - line.length()) {
                    return NO_LINES;
                }
                lines.put(id, line);
            }
            return new Kept(lines, index);
        } catch (IOException | RuntimeException e) {
            return NO_LINES;
        }
    }

    /** The line the last build wrote for the model, if it was made from the same key; else null. */
    byte[] line(String id, String key) {
        Kept k = kept();
        Line line = k.lines().get(id);
        return line == null || !line.key().equals(key) ? null : Arrays.copyOfRange(k.index(), line.start(), line.start() + line.length());
    }

    /**
     * Records where each model's line ({@code lines}, made from {@code keys}) sits in {@code index},
     * the models.json about to be written: a temporary file, then a rename.
     */
    static void write(Path out, String code, List<String> ids, List<String> keys, List<byte[]> lines, int[] starts, byte[] index)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.size() * 96 + 128);
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeUTF(MAGIC);
        data.writeUTF(code);
        data.write(ContentChecksum.of(index));
        data.writeInt(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            data.writeUTF(keys.get(i));
            data.writeInt(starts[i]);
            data.writeInt(lines.get(i).length);
            data.writeUTF(ids.get(i));
        }
        data.flush();
        Files.createDirectories(out);
        Path tmp = out.resolve(FILE + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
