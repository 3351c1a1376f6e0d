package org.slmhub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
}
