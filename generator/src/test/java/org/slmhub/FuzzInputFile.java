package org.slmhub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The one file a fuzz test gives each input to the code under test. It is overwritten in place
 * and then cut to length: ext4 flushes a file to disk when it is closed after being truncated to
 * zero (as {@code Files.write} does), which made every input cost a disk write.
 */
public final class FuzzInputFile {
    private FuzzInputFile() {
    }

    public static Path overwrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            ByteBuffer content = ByteBuffer.wrap(bytes);
            while (content.hasRemaining()) {
                channel.write(content, content.position());
            }
            channel.truncate(bytes.length);
        }
        return file;
    }

    /**
     * When Jazzer fuzzes ({@code JAZZER_FUZZ} set), writes the seeds into its corpus folder, where a
     * run starts from; a plain replay writes nothing into the working tree.
     */
    public static void seedCorpusWhenFuzzing(Path corpus, Map<String, byte[]> seeds) throws IOException {
        if (System.getenv("JAZZER_FUZZ") == null) {
            return;
        }
        Files.createDirectories(corpus);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(corpus.resolve(seed.getKey()), seed.getValue());
        }
    }
}
