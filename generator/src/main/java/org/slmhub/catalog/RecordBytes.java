package org.slmhub.catalog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final int NULL = -1;
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

    public static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        return type.cast(readValue(in, type));
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

    private static Object readValue(DataInputStream in, Type type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == double.class) {
            return in.readDouble();
        } else if (type == boolean.class) {
            return in.readBoolean();
        }
        return switch (in.readByte()) {
            case 0 -> null;
            case 1 -> readPresent(in, type);
            default -> throw new IOException("damaged record bytes");
        };
    }

    private static Object readPresent(DataInputStream in, Type type) throws IOException {
        if (type == String.class) {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new IOException("damaged record bytes");
            }
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        } else if (type == Integer.class) {
            return in.readInt();
        } else if (type == Long.class) {
            return in.readLong();
        } else if (type == Double.class) {
            return in.readDouble();
        } else if (type == Boolean.class) {
            return in.readBoolean();
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new IOException("damaged record bytes");
            }
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(readValue(in, p.getActualTypeArguments()[0]));
            }
            return list;
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

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of a record", e);
        }
    }
}
