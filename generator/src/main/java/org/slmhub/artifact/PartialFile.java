package org.slmhub.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A download in progress ({@code <cache>/tmp/<sha256>.partial}) together with the running SHA-256
 * of the bytes it holds: an earlier run's bytes are hashed once on open, new ones as they are written,
 * so the file is never read again to verify it.
 */
final class PartialFile implements AutoCloseable {

    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private long length;
    private boolean holdsEarlierBytes;

    private PartialFile(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens or creates the partial file and hashes the bytes an earlier run left in it. A leftover
     * longer than {@code maxSize} cannot be a prefix of the artifact and is emptied.
     */
    static PartialFile open(Path path, long maxSize) throws IOException {
        FileChannel channel = FileChannel.open(path,
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        PartialFile partial = new PartialFile(channel);
        try {
            if (channel.size() > maxSize) {
                channel.truncate(0);
            }
            partial.hashExisting();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return partial;
    }

    private void hashExisting() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Sha256.BUFFER_SIZE);
        channel.position(0);
        while (channel.read(buffer) > 0) {
            buffer.flip();
            length += buffer.remaining();
            digest.update(buffer);
            buffer.clear();
        }
        holdsEarlierBytes = length > 0;
        // The channel now sits at the end of the file, where appending continues.
    }

    long length() {
        return length;
    }

    /** Whether part of the content comes from an earlier run, which nothing has verified yet. */
    boolean holdsEarlierBytes() {
        return holdsEarlierBytes;
    }

    /** Drops everything, for a server that ignored our Range header or a prefix that proved wrong. */
    void restart() throws IOException {
        channel.truncate(0);
        channel.position(0);
        digest.reset();
        length = 0;
        holdsEarlierBytes = false;
    }

    void append(ByteBuffer bytes) throws IOException {
        digest.update(bytes.duplicate());
        while (bytes.hasRemaining()) {
            length += channel.write(bytes);
        }
    }

    /** SHA-256 of the bytes so far; does not disturb the running digest. */
    String sha256() {
        try {
            return Sha256.hex((MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest is cloneable", e);
        }
    }

    /** Flushes to disk before the file is renamed into the cache, so a crash cannot leave a torn blob. */
    void sync() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
