package org.pressroom.markdown;

/**
 * A rendered Markdown body: its HTML held in memory, or kept in a {@link BodyStore} file and read
 * again each time it is asked for (so that a build of a large archive need not hold every body at
 * once), or both (a store holds the first bodies up to its share of the heap). Two bodies are equal
 * when their HTML is equal, wherever each is kept. Thread-safe.
 */
public final class Body {
    private final String held;
    private final BodyStore store;
    private final long offset;
    private final int length;
    private final int hash;

    private Body(String held, BodyStore store, long offset, int length, int hash) {
        this.held = held;
        this.store = store;
        this.offset = offset;
        this.length = length;
        this.hash = hash;
    }

    /** A body held in memory. */
    public static Body of(String html) {
        return new Body(html, null, -1, -1, html.hashCode());
    }

    /** A body kept in {@code store} as {@code length} UTF-8 bytes at {@code offset}; {@code hash} is its HTML's {@link String#hashCode()}. */
    static Body stored(BodyStore store, long offset, int length, int hash) {
        return new Body(null, store, offset, length, hash);
    }

    /** A body kept in {@code store} whose HTML is held in memory too. */
    static Body stored(BodyStore store, long offset, int length, String html) {
        return new Body(html, store, offset, length, html.hashCode());
    }

    /** The HTML (read from its store when it is not held). */
    public String html() {
        return held != null ? held : store.read(offset, length);
    }

    /** Whether the HTML is held in memory rather than read from a store. */
    public boolean held() {
        return held != null;
    }

    BodyStore store() {
        return store;
    }

    long offset() {
        return offset;
    }

    /** The length of the stored UTF-8 bytes (-1 for a body that is only held). */
    int length() {
        return length;
    }

    /** {@link String#hashCode()} of the HTML. */
    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Body b) || b.hash != hash) {
            return false;
        }
        if (store != null && b.store == store) {
            if (b.offset == offset) {
                return true;
            }
            if (b.length != length) {
                return false;
            }
        }
        return html().equals(b.html());
    }

    /** The HTML, as a record holding a body shows it. */
    @Override
    public String toString() {
        return html();
    }
}
