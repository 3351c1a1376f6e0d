package org.slmhub.site;

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
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Each model's search record ({@link SearchRecord#html()}) as the last build gave it to Pagefind, so
 * that a fresh process after one edit makes one record instead of 10,000: making them renders every
 * card for its opening words, 2.5 s of a one-model rebuild with search at 10,000 models.
 * {@code .slmhub-search-records} beside the build state holds, per page path, the hash of the page's
 * key and the record's bytes. Records are reused only for the same key and site code (which holds
 * the code that makes records); a damaged file (its CRC-32 does not match) or one of another
 * format means every record is made again.
 */
final class KeptSearchRecords {
    static final String FILE = ".slmhub-search-records";
    private static final String MAGIC = "slmhub search records 1";
    /** Records of no build: every record is made. */
    static final KeptSearchRecords NONE = new KeptSearchRecords(Map.of());

    private record Kept(String keyHash, byte[] html) {
    }

    private final Map<String, Kept> records;

    private KeptSearchRecords(Map<String, Kept> records) {
        this.records = records;
    }

    /** The records kept in {@code out} for this site {@code code}; none when the file is absent, damaged or of other code. */
    static KeptSearchRecords read(Path out, String code) {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int body = bytes.length - Long.BYTES;
            if (body < 0) {
                return NONE;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, body);
            if (crc.getValue() != ByteBuffer.wrap(bytes, body, Long.BYTES).getLong()) {
                return NONE;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(code)) {
                return NONE;
            }
            int count = in.readInt();
            Map<String, Kept> records = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                String keyHash = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return NONE;
                }
                records.put(path, new Kept(keyHash, in.readNBytes(length)));
            }
            return in.available() == 0 ? new KeptSearchRecords(records) : NONE;
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The record the last build made for the page at {@code path} from a key of this hash; else null. */
    byte[] html(String path, String keyHash) {
        Kept kept = records.get(path);
        return kept == null || !kept.keyHash().equals(keyHash) ? null : kept.html();
    }

    /** Records these pages' records (paths, key hashes and bytes at the same index): a temporary file, then a rename. */
    static void write(Path out, String code, List<String> paths, List<String> keyHashes, List<byte[]> htmls) throws IOException {
        Files.createDirectories(out);
        Path tmp = out.resolve(FILE + ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream file = Files.newOutputStream(tmp)) {
                DataOutputStream data = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), crc));
                data.writeUTF(MAGIC);
                data.writeUTF(code);
                data.writeInt(paths.size());
                for (int i = 0; i < paths.size(); i++) {
                    data.writeUTF(paths.get(i));
                    data.writeUTF(keyHashes.get(i));
                    data.writeInt(htmls.get(i).length);
                    data.write(htmls.get(i));
                }
                data.flush();
                data.writeLong(crc.getValue()); // after the sum was taken: not part of it
                data.flush();
            }
            Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
