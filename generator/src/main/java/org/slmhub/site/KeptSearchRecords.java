package org.slmhub.site;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.catalog.SealedFile;

/**
 * Each model's search record ({@link SearchRecord#html()}) as the last build gave it to Pagefind, so
 * that a fresh process after one edit makes one record instead of 10,000: making them renders every
 * card for its opening words, 2.5 s of a one-model rebuild with search at 10,000 models.
 * {@code .slmhub-search-records} beside the build state holds, per page path, the hash of the page's
 * key and the record's bytes. Records are reused only for the same key and site code (which holds
 * the code that makes records); a damaged file ({@link SealedFile}) or one of another format
 * means every record is made again.
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
        try {
            DataInputStream in = SealedFile.read(out.resolve(FILE));
            if (in == null || !in.readUTF().equals(MAGIC) || !in.readUTF().equals(code)) {
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
        SealedFile.write(out.resolve(FILE), data -> {
            data.writeUTF(MAGIC);
            data.writeUTF(code);
            data.writeInt(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                data.writeUTF(paths.get(i));
                data.writeUTF(keyHashes.get(i));
                data.writeInt(htmls.get(i).length);
                data.write(htmls.get(i));
            }
        });
    }
}
