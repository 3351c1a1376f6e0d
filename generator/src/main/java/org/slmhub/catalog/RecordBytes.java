package org.slmhub.catalog;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record (a {@link ModelManifest} and its parts) as compact bytes, for caches the same code reads
 * back: each component in declaration order, strings as length-prefixed UTF-8, lists as a count.
 * A fresh build reads 10,000 kept manifests: binding them from JSON was a fifth of a one-model
 * rebuild. Only the types records of the manifest use are supported; any other fails at first use.
 */
public final class RecordBytes {
    private static final String DAMAGED = "damaged record bytes";
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordBytes() {
    }

    /** How a record class is taken apart and put together: its accessors, their types, its canonical constructor. */
    private record Shape(Method[] accessors, Type[] types, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("not a record: " + type.getName());
            }
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                return new Shape(accessors, types, type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no canonical constructor: " + type.getName(), e);
            }
        }
    }

    public static void write(DataOutputStream out, Object record) throws IOException {
        writeValue(out, record.getClass(), record);
    }

    /**
     * The record that {@code length} bytes of {@code bytes} from {@code offset} hold, all of them:
     * bytes cut short, left over or otherwise damaged fail as an IOException.
     */
    public static <T> T read(byte[] bytes, int offset, int length, Class<T> type) throws IOException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IOException(DAMAGED);
        }
        Cursor in = new Cursor(bytes, offset, offset + length);
        T value = type.cast(readValue(in, type));
        if (in.at != in.end) {
            throw new IOException(DAMAGED);
        }
        return value;
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    private static void writeValue(DataOutputStream out, Type type, Object value) throws IOException {
        if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == double.class) {
            out.writeDouble((Double) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writePresent(out, type, value);
        }
    }

    private static void writePresent(DataOutputStream out, Type type, Object value) throws IOException {
        if (type == String.class) {
            byte[] b = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (type == Integer.class) {
            out.writeInt((Integer) value);
        } else if (type == Long.class) {
            out.writeLong((Long) value);
        } else if (type == Double.class) {
            out.writeDouble((Double) value);
        } else if (type == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(out, p.getActualTypeArguments()[0], item);
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            Shape s = shape(c);
            for (int i = 0; i < s.accessors().length; i++) {
                writeValue(out, s.types()[i], invoke(s.accessors()[i], value));
            }
        } else {
            throw new IllegalArgumentException("unsupported type in a record: " + type.getTypeName());
        }
    }

    private static Object readValue(Cursor in, Type type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (type == boolean.class) {
            return in.readByte() != 0;
        }
        return switch (in.readByte()) {
            case 0 -> null;
            case 1 -> readPresent(in, type);
            default -> throw new IOException(DAMAGED);
        };
    }

    private static Object readPresent(Cursor in, Type type) throws IOException {
        if (type == String.class) {
            return in.readString();
        } else if (type == Integer.class) {
            return in.readInt();
        } else if (type == Long.class) {
            return in.readLong();
        } else if (type == Double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (type == Boolean.class) {
            return in.readByte() != 0;
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            int n = in.readInt();
            if (n < 0 || n > in.end - in.at) {
                throw new IOException(DAMAGED);
            }
            Type item = p.getActualTypeArguments()[0];
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                items[i] = readValue(in, item);
            }
            return Arrays.asList(items); // the records copy their lists (List.copyOf)
        } else if (type instanceof Class<?> c && c.isRecord()) {
            Shape s = shape(c);
            Object[] args = new Object[s.types().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = readValue(in, s.types()[i]);
            }
            try {
                return s.constructor().newInstance(args);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IOException("cannot make " + c.getSimpleName() + " from kept bytes: " + e, e);
            }
        }
        throw new IllegalArgumentException("unsupported type in a record: " + type.getTypeName());
    }

    /**
     * Reads the layout DataOutputStream wrote (big-endian) straight from the array: a DataInputStream
     * over a ByteArrayInputStream copied every string twice and locked on every read, and binding
     * 10,000 kept records was a tenth of a one-model rebuild.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        private int take(int n) throws IOException {
            if (n > end - at) {
                throw new IOException(DAMAGED);
            }
            int from = at;
            at += n;
            return from;
        }

        byte readByte() throws IOException {
            return bytes[take(1)];
        }

        int readInt() throws IOException {
            int i = take(Integer.BYTES);
            return (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16 | (bytes[i + 2] & 0xff) << 8 | bytes[i + 3] & 0xff;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        String readString() throws IOException {
            int n = readInt();
            if (n < 0) {
                throw new IOException(DAMAGED);
            }
            return new String(bytes, take(n), n, StandardCharsets.UTF_8);
        }
    }

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of a record", e);
        }
    }
}
