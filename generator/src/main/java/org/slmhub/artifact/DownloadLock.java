package org.slmhub.artifact;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets only one writer at a time work on a given partial download. An OS file lock keeps other
 * processes out; the JVM-wide map is needed as well because the OS lock is held per process, and a
 * second thread of this process asking for it would get an OverlappingFileLockException.
 * The lock file stays in {@code <cache>/tmp/}: deleting it would let two processes lock different files.
 */
final class DownloadLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DownloadLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until no other thread or process holds the lock; theirs end by stall timeouts at worst. */
    static DownloadLock acquire(Path lockFile) throws IOException {
        ReentrantLock threadLock = IN_THIS_PROCESS.computeIfAbsent(
                lockFile.toAbsolutePath().normalize(), key -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new DownloadLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
