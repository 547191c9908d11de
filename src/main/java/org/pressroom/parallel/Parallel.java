package org.pressroom.parallel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Work on every core, handed out one item at a time. A parallel stream cuts a list into four pieces
 * per thread of the common pool before it starts (on two cores: four quarters), so a stage ends with
 * one core working through the rest of its last piece while the other waits. Here each thread takes
 * the next item when it is done with the last, and a stage ends soon after its last item starts. The
 * calling thread works too, as with a parallel stream; items are started in list order.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Calls {@code action} with 0, 1, … {@code n - 1}, on all cores. The first exception or error
     * stops the other threads at their next item and is thrown when they have stopped.
     */
    public static void forEach(int n, IntConsumer action) {
        int threads = Math.min(n, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (threads < 2) {
            for (int i = 0; i < n; i++) {
                action.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        IntStream.range(0, threads).parallel().forEach(thread -> {
            try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    action.accept(i);
                }
            } catch (RuntimeException | Error e) {
                next.set(n);
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
