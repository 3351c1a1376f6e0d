package org.slmhub.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.FuzzInputFile;

/**
 * Whatever bytes a file holds, reading it either succeeds or throws OnnxFormatException with a
 * one-line message and an offset inside the file: never another exception, an error or a hang.
 * Protobuf has no end marker, so a prefix that ends between fields is a valid (smaller) model.
 */
class OnnxTruncationTest {
    @TempDir
    Path dir;

    @Test
    void everyPrefixIsReadOrRejected() throws Exception {
        byte[] valid = OnnxWriter.sampleEmbedder().bytes();
        Path file = dir.resolve("prefix.onnx");
        int read = 0;
        for (int length = 0; length < valid.length; length++) {
            if (outcome(FuzzInputFile.overwrite(file, Arrays.copyOf(valid, length)), length) != null) {
                read++;
            }
        }
        // the graph is the last field and is cut in every proper prefix that has it at all
        assertEquals(0, read, "proper prefixes read as models");
        OnnxFile whole = outcome(FuzzInputFile.overwrite(file, valid), valid.length);
        assertEquals(OnnxWriter.SAMPLE_PARAMETERS, whole.parameterCount());
        System.out.printf("truncation: %d prefixes of the %d-byte sample model, all rejected%n", valid.length, valid.length);
    }

    @Test
    void randomlyDamagedFilesAreReadOrRejected() throws Exception {
        byte[] valid = OnnxWriter.sampleEmbedder().bytes();
        Path file = dir.resolve("damaged.onnx");
        Random random = new Random(20240601L);
        int read = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = valid.clone();
            for (int hits = 1 + random.nextInt(4); hits > 0; hits--) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xFF;
            }
            if (outcome(FuzzInputFile.overwrite(file, damaged), damaged.length) != null) {
                read++;
            }
        }
        System.out.printf("random damage: 2000 files, %d read, %d rejected%n", read, 2000 - read);
    }

    /** The model, or null when it was rejected properly; anything else fails the test. */
    private static OnnxFile outcome(Path file, long size) {
        try {
            OnnxFile model = OnnxReader.read(file);
            model.embeddingDimension();
            model.defaultOpset();
            assertTrue(model.parameterCount() >= 0 && model.initializerCount() >= 0);
            return model;
        } catch (OnnxFormatException e) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= size, () -> "offset " + e.offset() + " of " + size + ": " + e.getMessage());
            return null;
        } catch (Throwable t) {
            fail("reading " + size + " bytes threw " + t, t);
            return null;
        }
    }
}
