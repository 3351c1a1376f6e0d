package org.slmhub.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a GGUF file (format: ggml's docs/gguf.md): magic, version, metadata and
 * tensor table. Tensor data is never read, only checked to lie inside the file, so reading a
 * 2 GB model costs about as much as reading its tokenizer.
 */
public final class GgufReader {
    /** "GGUF" read as a little-endian uint32. */
    private static final int MAGIC = 0x46554747;
    private static final long MAGIC_OFFSET = 0;
    private static final long VERSION_OFFSET = 4;
    /** Smallest encoded entry: empty key (8), value type (4), one-byte value. */
    private static final int MIN_METADATA_ENTRY_BYTES = 13;
    /** Smallest tensor info: empty name (8), n_dims (4), type (4), offset (8). */
    private static final int MIN_TENSOR_INFO_BYTES = 24;
    /** Real models carry tens of metadata entries and at most a few thousand tensors. */
    private static final int MAX_METADATA_ENTRIES = 1 << 16;
    private static final int MAX_TENSORS = 1 << 18;

    private GgufReader() {
    }

    /** Reads the header of {@code file}; a file that cannot be opened is reported the same way. */
    public static GgufFile read(Path file) throws GgufFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(new GgufInput(channel, channel.size()));
        } catch (IOException e) {
            // NoSuchFileException and friends carry only the path as their message
            String reason = e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new GgufFormatException("cannot read " + file + ": " + reason, 0, e);
        }
    }

    private static GgufFile read(GgufInput in) throws GgufFormatException {
        if (in.size() == 0) {
            throw new GgufFormatException("empty file: expected the \"GGUF\" magic at offset 0", MAGIC_OFFSET);
        }
        int magic = in.i32();
        if (magic != MAGIC) {
            throw new GgufFormatException(String.format("bad magic: expected \"GGUF\", found 0x%08X at offset 0",
                    Integer.reverseBytes(magic)), MAGIC_OFFSET);
        }
        int version = in.i32();
        checkVersion(version);
        long tensorCount = count(in, "tensor count", MIN_TENSOR_INFO_BYTES, MAX_TENSORS);
        long metadataCount = count(in, "metadata count", MIN_METADATA_ENTRY_BYTES, MAX_METADATA_ENTRIES);
        Map<String, Object> metadata = readMetadata(in, metadataCount);
        TensorTableReader tensorTable = new TensorTableReader(in, DataAlignment.of(metadata));
        List<TensorInfo> tensors = tensorTable.read(tensorCount);
        long dataOffset = tensorTable.checkDataFits(tensors);
        return new GgufFile(version, metadata, tensors, dataOffset);
    }

    private static void checkVersion(int version) throws GgufFormatException {
        if (version == 2 || version == 3) {
            return;
        }
        int swapped = Integer.reverseBytes(version);
        if (swapped == 2 || swapped == 3) {
            throw new GgufFormatException("big-endian GGUF version " + swapped + " at offset 4"
                    + " (slmhub reads little-endian files only)", VERSION_OFFSET);
        }
        throw new GgufFormatException("unsupported GGUF version " + Integer.toUnsignedString(version)
                + " at offset 4 (slmhub reads versions 2 and 3)", VERSION_OFFSET);
    }

    /**
     * Reads a uint64 count and rejects one over the limit. A count within it needs no check here:
     * nothing is allocated for it up front, and each entry read consumes bytes until the file ends.
     */
    private static long count(GgufInput in, String what, int minEntryBytes, int limit) throws GgufFormatException {
        long at = in.position();
        long count = in.i64();
        if (count >= 0 && count <= limit) {
            return count;
        }
        if (count < 0 || count > (in.size() - in.position()) / minEntryBytes) {
            throw new GgufFormatException(what + " " + Long.toUnsignedString(count) + " at offset " + at
                    + " exceeds the file size of " + in.size() + " bytes", at);
        }
        throw new GgufFormatException(what + " " + count + " at offset " + at
                + " exceeds slmhub's limit of " + limit, at);
    }

    private static Map<String, Object> readMetadata(GgufInput in, long count) throws GgufFormatException {
        MetadataValueReader values = new MetadataValueReader(in);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 1; i <= count; i++) {
            String key = null;
            try {
                long keyAt = in.position();
                key = values.keptString("metadata key");
                if (metadata.containsKey(key)) {
                    throw new GgufFormatException("duplicate metadata key at offset " + keyAt, keyAt);
                }
                GgufType type = values.type("value type");
                long valueAt = in.position();
                Object value = values.read(type);
                DataAlignment.check(key, value, valueAt);
                metadata.put(key, value);
            } catch (GgufFormatException e) {
                String entry = "metadata entry " + i + " of " + count;
                throw e.within(key == null ? entry : entry + ", " + GgufFormatException.quote(key));
            }
        }
        return metadata;
    }
}
