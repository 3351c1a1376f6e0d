package org.slmhub.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Writes the index files into a zip, taking each file's compressed bytes from the previous archive
 * when it holds the same file (name, size and CRC-32): Lucene never rewrites a file under its name,
 * so after one edit only the new segment's few small files are compressed. Deflating the whole
 * index again was a third of the offline index's update (5.5 MB, 160-400 ms on the 2-core machine).
 * A reused entry is the same bytes a fresh one would be (one compressor, fixed settings), so the
 * archive does not depend on what was reused. Each entry's sizes are in its local header (no data
 * descriptors) and every entry carries the same fixed time: 1980-01-01 00:00.
 */
final class IndexZip {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    /** 1980-01-01 in MS-DOS date format; the time is 00:00:00. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final long MAX = 0xFFFFFFFFL;

    private IndexZip() {
    }

    /** An entry as a zip's central directory describes it, with where its data starts. */
    private record Entry(String name, long crc, long compressed, long size, long dataOffset) {
    }

    /** What was written: entries compressed now and entries whose bytes came from the previous archive. */
    record Counts(int compressed, int reused) {
    }

    /**
     * Writes {@code files} (in this order) as a zip to {@code out}, reusing entries of {@code previous}
     * (a zip this class wrote, or null); a previous archive that is absent, damaged or of another
     * layout is not used.
     */
    static Counts write(List<Path> files, Path previous, OutputStream out) throws IOException {
        Map<String, Entry> before = previous == null ? Map.of() : entriesOf(previous);
        List<Entry> written = new ArrayList<>();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true); // Lucene's files are compact already
        long offset = 0;
        int reused = 0;
        try (FileChannel old = before.isEmpty() ? null : FileChannel.open(previous, StandardOpenOption.READ)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                Entry same = before.get(name);
                byte[] data = same != null && same.size() == bytes.length && same.crc() == crc.getValue() ? dataOf(old, same, bytes) : null;
                if (data == null) {
                    data = deflate(deflater, bytes);
                } else {
                    reused++;
                }
                if (offset > MAX || data.length > MAX || bytes.length > MAX) {
                    throw new IOException("the index is too large for a zip archive without Zip64: " + name);
                }
                byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
                ByteBuffer header = little(30 + nameBytes.length);
                header.putInt(LOCAL).putShort((short) VERSION).putShort((short) 0).putShort((short) DEFLATED).putShort((short) 0)
                        .putShort((short) DOS_DATE).putInt((int) crc.getValue()).putInt(data.length).putInt(bytes.length)
                        .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
                out.write(header.array());
                out.write(data);
                written.add(new Entry(name, crc.getValue(), data.length, bytes.length, offset + header.capacity()));
                offset += header.capacity() + data.length;
            }
        } finally {
            deflater.end();
        }
        writeDirectory(written, offset, out);
        return new Counts(files.size() - reused, reused);
    }

    private static byte[] deflate(Deflater deflater, byte[] bytes) {
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(64, bytes.length));
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        return data.toByteArray();
    }

    /** The entry's compressed bytes in the previous archive when they inflate to exactly {@code expected}; else null. */
    private static byte[] dataOf(FileChannel old, Entry entry, byte[] expected) throws IOException {
        if (entry.compressed() > Integer.MAX_VALUE || entry.dataOffset() + entry.compressed() > old.size()) {
            return null;
        }
        ByteBuffer data = ByteBuffer.allocate((int) entry.compressed());
        while (data.hasRemaining()) {
            if (old.read(data, entry.dataOffset() + data.position()) < 0) {
                return null;
            }
        }
        // the bytes must inflate to the file as it is: a damaged old archive is never copied on
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Arrays.copyOf(data.array(), data.capacity() + 1)); // raw inflation may read a byte past the end (see Inflater)
            byte[] inflated = new byte[expected.length + 1];
            int n = 0;
            while (!inflater.finished() && n < inflated.length) {
                int got = inflater.inflate(inflated, n, inflated.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            boolean same = inflater.finished() && n == expected.length && Arrays.equals(inflated, 0, n, expected, 0, n);
            return same ? data.array() : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static void writeDirectory(List<Entry> entries, long start, OutputStream out) throws IOException {
        long size = 0;
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = little(46 + name.length);
            b.putInt(CENTRAL).putShort((short) VERSION).putShort((short) VERSION).putShort((short) 0).putShort((short) DEFLATED)
                    .putShort((short) 0).putShort((short) DOS_DATE).putInt((int) e.crc()).putInt((int) e.compressed()).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt((int) e.dataOffset() - 30 - name.length).put(name);
            out.write(b.array());
            size += b.capacity();
        }
        if (entries.size() > 0xFFFF || start > MAX) {
            throw new IOException("the index has too many files for a zip archive without Zip64");
        }
        ByteBuffer end = little(22);
        end.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
                .putInt((int) size).putInt((int) start).putShort((short) 0);
        out.write(end.array());
    }

    /**
     * The entries of a zip this class wrote, by name, read from its central directory; empty when
     * the file is absent or anything in it is not as this class writes it.
     */
    private static Map<String, Entry> entriesOf(Path zip) {
        try (FileChannel in = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = in.size();
            if (length < 22 || length > Integer.MAX_VALUE) {
                return Map.of();
            }
            ByteBuffer end = read(in, length - 22, 22);
            if (end.getInt(0) != END || end.getShort(20) != 0) {
                return Map.of(); // another writer's layout (a comment, Zip64): compress everything
            }
            int count = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryStart = Integer.toUnsignedLong(end.getInt(16));
            if (directoryStart + directorySize != length - 22) {
                return Map.of();
            }
            ByteBuffer dir = read(in, directoryStart, (int) directorySize);
            Map<String, Entry> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                if (dir.remaining() < 46 || dir.getInt(dir.position()) != CENTRAL) {
                    return Map.of();
                }
                int at = dir.position();
                int method = Short.toUnsignedInt(dir.getShort(at + 10));
                long crc = Integer.toUnsignedLong(dir.getInt(at + 16));
                long compressed = Integer.toUnsignedLong(dir.getInt(at + 20));
                long size = Integer.toUnsignedLong(dir.getInt(at + 24));
                int nameLength = Short.toUnsignedInt(dir.getShort(at + 28));
                int extra = Short.toUnsignedInt(dir.getShort(at + 30));
                int comment = Short.toUnsignedInt(dir.getShort(at + 32));
                long local = Integer.toUnsignedLong(dir.getInt(at + 42));
                if (method != DEFLATED || extra != 0 || comment != 0 || dir.remaining() < 46 + nameLength) {
                    return Map.of();
                }
                byte[] nameBytes = new byte[nameLength];
                dir.position(at + 46);
                dir.get(nameBytes);
                String name = new String(nameBytes, StandardCharsets.UTF_8);
                entries.put(name, new Entry(name, crc, compressed, size, local + 30 + nameLength));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static ByteBuffer read(FileChannel in, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (in.read(b, at + b.position()) < 0) {
                throw new IOException("short read");
            }
        }
        return b.flip();
    }

    private static ByteBuffer little(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
