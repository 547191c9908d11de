package org.pressroom.build;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pressroom.digest.Checksum;

/**
 * A digest of what a page is rendered from, the same in every JVM run: a template key and a view
 * record, written out canonically (records by their components in order, maps sorted by key, lists in
 * order) and summed by {@link Checksum}. Two equal views give equal fingerprints whatever the iteration
 * order of their maps, so fingerprints can be kept on disk between builds ({@link SiteCache}) and in
 * memory between updates ({@link Incremental}).
 */
final class Fingerprint {
    private Fingerprint() {
    }

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            Method[] ms = new Method[cs.length];
            for (int i = 0; i < cs.length; i++) {
                ms[i] = cs[i].getAccessor();
                ms[i].setAccessible(true);
            }
            return ms;
        }
    };

    /** Digests of large shared maps (the UI strings every view carries), by identity. */
    private static final Map<Object, byte[]> SHARED = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The fingerprint of rendering {@code view} with the template whose key is {@code templateKey}. */
    static byte[] of(String templateKey, Object view) {
        Writer w = new Writer();
        w.string(templateKey);
        w.value(view);
        return w.digest();
    }

    /** The {@link Checksum} of {@code bytes} (a page's output, to tell whether it must be written again). */
    static byte[] ofBytes(byte[] bytes) {
        return Checksum.of(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Writer {
        private final Checksum digest = new Checksum();
        private final byte[] buffer = new byte[8192];
        private int used;

        byte[] digest() {
            flush();
            return digest.finish();
        }

        private void flush() {
            digest.update(buffer, 0, used);
            used = 0;
        }

        private void tag(int t) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) t;
        }

        private void number(long n) {
            for (int i = 0; i < 8; i++) {
                tag((int) (n >>> (i * 8)));
            }
        }

        void string(String s) {
            tag('s');
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            if (b.length > buffer.length - used) {
                flush();
                digest.update(b, 0, b.length);
            } else {
                System.arraycopy(b, 0, buffer, used, b.length);
                used += b.length;
            }
        }

        void value(Object v) {
            if (v == null) {
                tag('0');
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Boolean b) {
                tag(b ? 'T' : 'F');
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                tag('i');
                number(((Number) v).longValue());
            } else if (v instanceof Record r) {
                tag('r');
                string(r.getClass().getName());
                for (Method m : ACCESSORS.get(r.getClass())) {
                    try {
                        value(m.invoke(r));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + m, e);
                    }
                }
            } else if (v instanceof Map<?, ?> map) {
                if (map.size() > 16 && map.getClass().getName().startsWith("java.util.ImmutableCollections")) {
                    byte[] d = SHARED.get(map);
                    if (d == null) {
                        Writer inner = new Writer();
                        inner.map(map);
                        d = inner.digest();
                        synchronized (SHARED) {
                            if (SHARED.size() >= 64) {
                                SHARED.clear();
                            }
                            SHARED.put(map, d);
                        }
                    }
                    tag('h');
                    for (byte b : d) {
                        tag(b);
                    }
                } else {
                    map(map);
                }
            } else if (v instanceof Collection<?> c) {
                tag('l');
                number(c.size());
                for (Object o : c) {
                    value(o);
                }
            } else if (v instanceof Optional<?> o) {
                tag('o');
                value(o.orElse(null));
            } else if (v instanceof Object[] a) {
                value(Arrays.asList(a));
            } else {
                // numbers, dates, enums and anything else YAML settings may hold: by type and text
                tag('x');
                string(v.getClass().getName());
                string(v.toString());
            }
        }

        private void map(Map<?, ?> map) {
            tag('m');
            number(map.size());
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            for (Map.Entry<?, ?> e : entries) {
                value(e.getKey());
                value(e.getValue());
            }
        }
    }
}
