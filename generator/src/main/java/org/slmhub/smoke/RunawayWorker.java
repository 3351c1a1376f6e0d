package org.slmhub.smoke;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What a runaway worker does, for the tests of {@link Supervision}: allocate outside the Java heap
 * (as llama.cpp would) or inside it, touching every page, until something stops it. Reached only
 * through the worker's test hook.
 */
final class RunawayWorker {
    private static final int CHUNK = 64 << 20;

    private RunawayWorker() {
    }

    /** Native memory through Unsafe (found by reflection: a supported API would be bounded). */
    static void allocateNativeWithoutEnd() throws InterruptedException {
        try {
            Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            Method allocate = unsafe.getClass().getMethod("allocateMemory", long.class);
            Method fill = unsafe.getClass().getMethod("setMemory", long.class, long.class, byte.class);
            while (true) {
                long address = (long) allocate.invoke(unsafe, (long) CHUNK);
                fill.invoke(unsafe, address, (long) CHUNK, (byte) 1); // resident only once touched
                Thread.sleep(20);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot allocate native memory: " + e, e);
        }
    }

    /** Java heap until the worker's -Xmx stops it with an OutOfMemoryError. */
    static void allocateHeapWithoutEnd() {
        List<byte[]> kept = new ArrayList<>();
        while (true) {
            byte[] chunk = new byte[CHUNK / 8];
            java.util.Arrays.fill(chunk, (byte) 1);
            kept.add(chunk);
        }
    }
}
