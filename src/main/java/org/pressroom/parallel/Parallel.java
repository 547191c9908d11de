package org.pressroom.parallel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Work on every core, each thread in a part of the list of its own until the end. A parallel stream
 * cuts a list into four pieces per thread of the common pool before it starts (on two cores: four
 * quarters), and a stage ends with one core working through the rest of its last piece while the
 * other waits. Here the list is cut into one part per thread; each thread takes the items of its own
 * part from the front and, when it has none left, takes the last item of the part with the most left.
 * A stage so ends soon after its last item starts, and until then the threads work far apart in the
 * list, as with a parallel stream (neighbouring pages are files in one folder, and two threads making
 * files in one folder wait in turn for its lock). The calling thread works too.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Calls {@code action} with 0, 1, … {@code n - 1}, on all cores. The first exception or error
     * stops the other threads at their next item and is thrown, as it was, when they have stopped.
     */
    public static void forEach(int n, IntConsumer action) {
        int threads = Math.min(n, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (threads < 2) {
            for (int i = 0; i < n; i++) {
                action.accept(i);
            }
            return;
        }
        AtomicLongArray parts = parts(n, threads);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        IntStream.range(0, threads).parallel().forEach(own -> {
            try {
                for (int i = next(parts, own); i >= 0 && failed.get() == null; i = next(parts, own)) {
                    action.accept(i);
                }
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
            }
        });
        // thrown here, as it was: the pool would throw a copy made for this thread
        if (failed.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failed.get() instanceof Error e) {
            throw e;
        }
    }

    /** Items 0 … n - 1 in {@code threads} parts of (nearly) equal size: part p is [front, back), front in the high half. */
    static AtomicLongArray parts(int n, int threads) {
        AtomicLongArray parts = new AtomicLongArray(threads);
        for (int p = 0; p < threads; p++) {
            parts.set(p, (long) (n * (long) p / threads) << 32 | (n * (long) (p + 1) / threads));
        }
        return parts;
    }

    /** The next item for the thread of part {@code own}: the front of its part, else the back of the fullest; -1 when none is left. */
    static int next(AtomicLongArray parts, int own) {
        for (;;) {
            long v = parts.get(own);
            int front = (int) (v >>> 32);
            int back = (int) v;
            if (front >= back) {
                break;
            }
            if (parts.compareAndSet(own, v, (long) (front + 1) << 32 | back)) {
                return front;
            }
        }
        for (;;) {
            int fullest = -1;
            int most = 0;
            long seen = 0;
            for (int p = 0; p < parts.length(); p++) {
                long v = parts.get(p);
                int left = (int) v - (int) (v >>> 32);
                if (left > most) {
                    most = left;
                    fullest = p;
                    seen = v;
                }
            }
            if (fullest < 0) {
                return -1;
            }
            int back = (int) seen - 1;
            if (parts.compareAndSet(fullest, seen, (seen >>> 32) << 32 | back)) {
                return back;
            }
        }
    }

    /**
     * Runs {@code task} on a daemon thread of its own: work beside the stages on every core (the theme
     * while releases are parsed, a language's search postings while the next is tokenized). Usable as
     * an {@link java.util.concurrent.Executor}.
     */
    public static void beside(Runnable task) {
        Thread t = new Thread(task, "pressroom-beside");
        t.setDaemon(true);
        t.start();
    }

    /** The result of {@code task}, waiting for it; its unchecked exception or error thrown as it is. */
    public static <T> T joined(java.util.concurrent.Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task beside the build", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Calls {@code action} on every item, on all cores (see {@link #forEach(int, IntConsumer)}). */
    public static <T> void forEach(List<T> items, Consumer<? super T> action) {
        forEach(items.size(), i -> action.accept(items.get(i)));
    }

    /** {@code f} of every item, in the items' order, computed on all cores (nulls allowed). */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        Object[] out = new Object[items.size()];
        forEach(out.length, i -> out[i] = f.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) Arrays.asList(out);
        return result;
    }
}
