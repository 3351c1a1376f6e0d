package org.slmhub.catalog;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A file a build keeps for the next one (its state, its search records, the index fingerprints): a body, then the CRC-32 of
 * that body as 8 bytes. Written to a temporary file and renamed, so a build stopped half-way leaves
 * the last file or none; read back only when the sum matches, so a torn or damaged file is never used.
 */
public final class SealedFile {
    private SealedFile() {
    }

    /** What writes the body. */
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    public static void write(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream target = Files.newOutputStream(tmp)) {
                DataOutputStream data = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), crc));
                body.write(data);
                data.flush();
                data.writeLong(crc.getValue()); // after the sum was taken: not part of it
                data.flush();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The body of the file as a stream, or null when the file is absent or its sum does not match. */
    public static DataInputStream read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        int body = bodyLength(bytes);
        return body < 0 ? null : new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
    }

    /** A map of texts, as {@link #readTexts} reads it back: its size, then each key and value. */
    public static void writeTexts(DataOutputStream out, Map<String, String> texts) throws IOException {
        out.writeInt(texts.size());
        for (Map.Entry<String, String> e : texts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    /** The map {@link #writeTexts} wrote, which must be the rest of the body; else an IOException. */
    public static Map<String, String> readTexts(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a negative count");
        }
        Map<String, String> texts = new HashMap<>(Math.max(16, count * 2));
        for (int i = 0; i < count; i++) {
            texts.put(in.readUTF(), in.readUTF());
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return texts;
    }

    /** How long the body of {@code bytes} (a whole file {@link #write} made) is, or -1 when its sum does not match. */
    public static int bodyLength(byte[] bytes) {
        int body = bytes.length - Long.BYTES;
        if (body < 0) {
            return -1;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        return crc.getValue() == ByteBuffer.wrap(bytes, body, Long.BYTES).getLong() ? body : -1;
    }
}
