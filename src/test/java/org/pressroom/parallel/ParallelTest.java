package org.pressroom.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work handed out one item at a time: every item once, results in order, the first failure thrown. */
class ParallelTest {
    @Test
    void everyIndexIsVisitedOnce() {
        for (int n : new int[] {0, 1, 2, 3, 1000}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            Parallel.forEach(n, seen::incrementAndGet);
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "index " + i + " of " + n);
            }
        }
    }

    @Test
    void mapKeepsTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        List<String> out = Parallel.map(items, i -> i % 7 == 0 ? null : "#" + i);
        assertEquals(500, out.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i % 7 == 0 ? null : "#" + i, out.get(i));
        }
    }

    @Test
    void aSlowItemDoesNotHoldBackTheOthers() {
        // the first item started waits until every other item is done: with the work cut into pieces
        // in advance, the items after it in its piece would wait for it, and this would time out
        int n = 64;
        CountDownLatch others = new CountDownLatch(n - 1);
        AtomicBoolean first = new AtomicBoolean(true);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(IntStream.range(0, n).boxed().toList(), i -> {
            threads.add(Thread.currentThread().getName());
            if (first.getAndSet(false)) {
                try {
                    assertTrue(others.await(20, TimeUnit.SECONDS), "the other items were not taken by another thread");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                done.add(-1 - i);
            } else {
                done.add(i);
                others.countDown();
            }
        });
        assertEquals(n, done.size());
        assertTrue(done.get(n - 1) < 0, "the slow item finished last");
        assertEquals(n * (n - 1) / 2, done.stream().mapToInt(i -> i < 0 ? -1 - i : i).sum(), "every item once");
        assertTrue(threads.size() >= 2, "two threads worked: " + threads);
    }

    @Test
    void eachThreadTakesTheFrontOfItsPartThenTheBackOfTheFullest() {
        AtomicLongArray parts = Parallel.parts(10, 2); // [0, 5) and [5, 10)
        List<Integer> zero = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            zero.add(Parallel.next(parts, 0));
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 9), zero, "its own part from the front, then the other's last item");
        assertEquals(5, Parallel.next(parts, 1));
        assertEquals(6, Parallel.next(parts, 1));
        assertEquals(8, Parallel.next(parts, 0));
        assertEquals(7, Parallel.next(parts, 1));
        assertEquals(-1, Parallel.next(parts, 0));
        assertEquals(-1, Parallel.next(parts, 1));

        AtomicLongArray three = Parallel.parts(7, 3); // [0, 2), [2, 4), [4, 7)
        assertEquals(0, Parallel.next(three, 0));
        assertEquals(1, Parallel.next(three, 0));
        assertEquals(6, Parallel.next(three, 0), "the fullest part is the last");
        assertEquals(3, Parallel.next(three, 0), "then the first of the fullest, by order");
        assertEquals(2, Parallel.next(three, 1));
        assertEquals(5, Parallel.next(three, 1));
        assertEquals(4, Parallel.next(three, 2));
        assertEquals(-1, Parallel.next(three, 2));
    }

    @Test
    void theFirstFailureIsThrownAndStopsTheRest() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger started = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(100_000, i -> {
            started.incrementAndGet();
            if (i == 10) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        assertTrue(started.get() < 100_000, "items after the failure were not started: " + started.get());
    }
}
