package org.slmhub.catalog;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A change-detection checksum of some bytes: their length and two CRCs (CRC32C and CRC32), 12 bytes.
 * Builds use it to tell whether an input changed since the last build. It is no defence against
 * crafted collisions, which could only keep one's own output stale. Both CRCs run as CPU intrinsics
 * under the launcher's C1 compiler, which has none for SHA-256: hashing 10,000 manifests with SHA-256
 * was a sixth of validating them.
 */
public final class ContentChecksum {
    public static final int BYTES = 12;

    private ContentChecksum() {
    }

    public static byte[] of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static byte[] of(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        CRC32 d = new CRC32();
        d.update(bytes, offset, length);
        return ByteBuffer.allocate(BYTES).putInt(length).putInt((int) c.getValue()).putInt((int) d.getValue()).array();
    }

    public static String hex(byte[] checksum) {
        return HexFormat.of().formatHex(checksum);
    }
}
