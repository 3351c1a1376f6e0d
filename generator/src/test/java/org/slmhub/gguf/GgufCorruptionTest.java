package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slmhub.gguf.GgufTestFiles.indexOf;
import static org.slmhub.gguf.GgufTestFiles.prefix;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files, each with the exact message the reader must give. Offsets 0-23 are the header. */
class GgufCorruptionTest {
    @TempDir
    Path dir;

    private String rejection(LittleEndianBytes bytes) throws Exception {
        return GgufTestFiles.rejectionOf(dir, bytes.toByteArray());
    }

    private String rejection(byte[] bytes) throws Exception {
        return GgufTestFiles.rejectionOf(dir, bytes);
    }

    /** A file that starts with {@code bytes} and is then zero-filled (sparse) up to {@code size}. */
    private String rejectionAtSize(LittleEndianBytes bytes, long size) throws Exception {
        Path file = GgufTestFiles.write(dir, bytes.toByteArray());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return assertThrows(GgufFormatException.class, () -> GgufReader.read(file)).getMessage();
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.gguf");
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufReader.read(missing));
        assertEquals("cannot read " + missing + ": NoSuchFileException", e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        assertEquals("empty file: expected the \"GGUF\" magic at offset 0", rejection(new byte[0]));
        assertEquals("truncated file: needed 4 bytes at offset 0, file ends at 3",
                rejection(new LittleEndianBytes().ascii("GGU")));
    }

    @Test
    void badMagic() throws Exception {
        assertEquals("bad magic: expected \"GGUF\", found 0x00000000 at offset 0",
                rejection(new LittleEndianBytes().zeros(24)));
        assertEquals("bad magic: expected \"GGUF\", found 0x47474D4C at offset 0",
                rejection(new LittleEndianBytes().ascii("GGML").zeros(20)));
    }

    @Test
    void unsupportedVersions() throws Exception {
        assertEquals("unsupported GGUF version 1 at offset 4 (slmhub reads versions 2 and 3)",
                rejection(new LittleEndianBytes().header(1, 0, 0)));
        assertEquals("unsupported GGUF version 99 at offset 4 (slmhub reads versions 2 and 3)",
                rejection(new LittleEndianBytes().header(99, 0, 0)));
        assertEquals("big-endian GGUF version 3 at offset 4 (slmhub reads little-endian files only)",
                rejection(new LittleEndianBytes().header(Integer.reverseBytes(3), 0, 0)));
    }

    @Test
    void truncatedInsideTheHeader() throws Exception {
        byte[] valid = GgufTestFiles.sampleModel(3).bytes();
        assertEquals("truncated file: needed 8 bytes at offset 8, file ends at 10", rejection(prefix(valid, 10)));
    }

    @Test
    void truncatedInsideAKey() throws Exception {
        byte[] valid = GgufTestFiles.sampleModel(3).bytes();
        assertEquals("truncated file: needed 20 bytes at offset 32, file ends at 37 (in metadata entry 1 of 9)",
                rejection(prefix(valid, 37)));
    }

    @Test
    void truncatedInsideAnArray() throws Exception {
        byte[] valid = GgufTestFiles.sampleModel(3).bytes();
        int gamma = indexOf(valid, "gamma");
        assertEquals("truncated file: needed 5 bytes at offset " + gamma + ", file ends at " + (gamma + 2)
                + " (in metadata entry 7 of 9, 'tokenizer.ggml.tokens')", rejection(prefix(valid, gamma + 2)));
    }

    @Test
    void truncatedInsideALongSkippedArray() throws Exception {
        byte[] valid = new GgufWriter(3).array("a", GgufType.UINT8, Collections.nCopies(5000, 1)).bytes();
        // key "a" at 24-32, value type at 33, element type at 37, length at 41, elements from 49
        assertEquals("truncated file: needed 5000 bytes at offset 49, file ends at 100"
                + " (in metadata entry 1 of 1, 'a')", rejection(prefix(valid, 100)));
    }

    @Test
    void truncatedInsideTheTensorTable() throws Exception {
        byte[] valid = GgufTestFiles.sampleModel(3).bytes();
        int dims = indexOf(valid, "output.weight") + "output.weight".length() + 4;
        assertEquals("truncated file: needed 8 bytes at offset " + dims + ", file ends at " + (dims + 3)
                + " (in tensor 3 of 3, 'output.weight')", rejection(prefix(valid, dims + 3)));
    }

    @Test
    void truncatedInsideThePaddingAndTheData() throws Exception {
        byte[] valid = GgufTestFiles.sampleModel(3).bytes();
        int tableEnd = indexOf(valid, "output.weight") + "output.weight".length() + 4 + 2 * 8 + 4 + 8;
        int dataStart = (tableEnd + 31) / 32 * 32;
        assertTrue(dataStart > tableEnd + 1, "the sample needs padding for this test");
        assertEquals("truncated file: tensor data should start at offset " + dataStart
                + " after alignment padding, file ends at " + (tableEnd + 1), rejection(prefix(valid, tableEnd + 1)));
        assertEquals("truncated file: needed 840 bytes at offset " + (valid.length - 840) + ", file ends at "
                + (valid.length - 1) + " (in tensor 3 of 3, 'output.weight')",
                rejection(prefix(valid, valid.length - 1)));
    }

    @Test
    void absurdCounts() throws Exception {
        assertEquals("metadata count 4611686018427387904 at offset 16 exceeds the file size of 24 bytes",
                rejection(new LittleEndianBytes().header(3, 0, 1L << 62)));
        assertEquals("tensor count 4611686018427387904 at offset 8 exceeds the file size of 24 bytes",
                rejection(new LittleEndianBytes().header(3, 1L << 62, 0)));
        assertEquals("metadata count 18446744073709551615 at offset 16 exceeds the file size of 24 bytes",
                rejection(new LittleEndianBytes().header(3, 0, -1)));
        assertEquals("metadata count 100000 at offset 16 exceeds slmhub's limit of 65536",
                rejectionAtSize(new LittleEndianBytes().header(3, 0, 100_000), 2_000_000));
    }

    @Test
    void absurdStringLengths() throws Exception {
        assertEquals("metadata key at offset 24: string length 9223372036854775807 exceeds the file size of 32 bytes"
                + " (in metadata entry 1 of 1)", rejection(new LittleEndianBytes().header(3, 0, 1).u64(Long.MAX_VALUE)));
        assertEquals("string value at offset 37: string length 18446744073709551615 exceeds the file size of 45 bytes"
                + " (in metadata entry 1 of 1, 'a')",
                rejection(new LittleEndianBytes().header(3, 0, 1).str("a").u32(GgufType.STRING.code()).u64(-1)));
        assertEquals("metadata key at offset 24: string length 17825792 exceeds the 16 MiB limit for one string"
                + " (in metadata entry 1 of 1)",
                rejectionAtSize(new LittleEndianBytes().header(3, 0, 1).u64(17L << 20), 18L << 20));
    }

    @Test
    void absurdArrayLength() throws Exception {
        assertEquals("array at offset 41: array length 4611686018427387904 exceeds the file size of 49 bytes"
                + " (in metadata entry 1 of 1, 'a')", rejection(new LittleEndianBytes().header(3, 0, 1).str("a")
                .u32(GgufType.ARRAY.code()).u32(GgufType.UINT8.code()).u64(1L << 62)));
    }

    @Test
    void unknownValueTypes() throws Exception {
        assertEquals("unknown value type 13 at offset 33; GGUF defines types 0 to 12 (in metadata entry 1 of 1, 'a')",
                rejection(new LittleEndianBytes().header(3, 0, 1).str("a").u32(13).zeros(8)));
        assertEquals("unknown array element type 13 at offset 37; GGUF defines types 0 to 12"
                + " (in metadata entry 1 of 1, 'a')", rejection(new LittleEndianBytes().header(3, 0, 1).str("a")
                .u32(GgufType.ARRAY.code()).u32(13).u64(0)));
    }

    @Test
    void arraysNestedThreeDeep() throws Exception {
        int array = GgufType.ARRAY.code();
        assertEquals("array at offset 49 nests arrays deeper than 2 levels (in metadata entry 1 of 1, 'a')",
                rejection(new LittleEndianBytes().header(3, 0, 1).str("a")
                        .u32(array).u32(array).u64(1).u32(array).u64(1).u32(0).u64(0)));
    }

    @Test
    void duplicateKey() throws Exception {
        assertEquals("duplicate metadata key at offset 38 (in metadata entry 2 of 2, 'a')",
                rejection(new LittleEndianBytes().header(3, 0, 2).str("a").u32(0).u8(1).str("a").u32(0).u8(2)));
    }

    @Test
    void alignmentThatIsNotAPowerOfTwo() throws Exception {
        assertEquals("general.alignment at offset 53 is 48; it must be a power of two from 1 to 1048576"
                + " (in metadata entry 1 of 1, 'general.alignment')", rejection(new LittleEndianBytes()
                .header(3, 0, 1).str("general.alignment").u32(GgufType.UINT32.code()).u32(48)));
    }

    /** One tensor named "w": its n_dims is at offset 33, its first dimension at 37. */
    private static LittleEndianBytes tensorW() {
        return new LittleEndianBytes().header(3, 1, 0).str("w");
    }

    @Test
    void tensorShapes() throws Exception {
        assertEquals("5 dimensions at offset 33; GGUF allows at most 4 (in tensor 1 of 1, 'w')",
                rejection(tensorW().u32(5).zeros(64)));
        assertEquals("dimension 1 at offset 45 is 0; it must be from 1 to 2^63-1 (in tensor 1 of 1, 'w')",
                rejection(tensorW().u32(2).u64(4).u64(0).zeros(16)));
        assertEquals("dimension 0 at offset 37 is 18446744073709551615; it must be from 1 to 2^63-1"
                + " (in tensor 1 of 1, 'w')", rejection(tensorW().u32(1).u64(-1).zeros(16)));
        assertEquals("dimension 1 at offset 45: element count 4294967296 x 4294967296 overflows 64 bits"
                + " (in tensor 1 of 1, 'w')", rejection(tensorW().u32(2).u64(1L << 32).u64(1L << 32).zeros(16)));
        assertEquals("tensor type Q8_0 at offset 45 needs dimension 0 to be a multiple of 32, found 33"
                + " (in tensor 1 of 1, 'w')", rejection(tensorW().u32(1).u64(33).u32(8).u64(0).zeros(64)));
    }

    @Test
    void tensorDataOffsets() throws Exception {
        assertEquals("data offset 3 at offset 49 is not a multiple of the alignment 32 (in tensor 1 of 1, 'w')",
                rejection(tensorW().u32(1).u64(8).u32(0).u64(3).zeros(64)));
        assertEquals("data offset 18446744073709551615 at offset 49 exceeds 2^62 (in tensor 1 of 1, 'w')",
                rejection(tensorW().u32(1).u64(8).u32(0).u64(-1).zeros(64)));
        // the table ends at 57, so data starts at 64; 8 F32 values need 32 bytes
        assertEquals("truncated file: needed 32 bytes at offset " + (64 + (1L << 40)) + ", file ends at 121"
                + " (in tensor 1 of 1, 'w')", rejection(tensorW().u32(1).u64(8).u32(0).u64(1L << 40).zeros(64)));
    }

    @Test
    void duplicateTensorName() throws Exception {
        byte[] bytes = new GgufWriter(3).tensor("w", GgmlType.F32, 1).tensor("w", GgmlType.F32, 1).bytes();
        assertEquals("duplicate tensor name at offset 57 (in tensor 2 of 2, 'w')", rejection(bytes));
    }

    @Test
    void totalElementCountOverflow() throws Exception {
        // ggml type 99 is unknown, so only the element counts can be checked
        LittleEndianBytes bytes = new LittleEndianBytes().header(3, 2, 0)
                .str("a").u32(1).u64(1L << 62).u32(99).u64(0)
                .str("b").u32(1).u64(1L << 62).u32(99).u64(0).zeros(32);
        assertEquals("total element count overflows 64 bits at offset 90 (in tensor 2 of 2, 'b')", rejection(bytes));
    }
}
