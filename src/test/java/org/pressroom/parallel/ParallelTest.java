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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
    void aSlowItemDoesNotHoldBackTheOthers() throws Exception {
        // item 0 waits until every other item is done: with the work cut into fixed pieces in advance,
        // the items in item 0's piece would wait for it and this would time out
        int n = 64;
        CountDownLatch others = new CountDownLatch(n - 1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(IntStream.range(0, n).boxed().toList(), i -> {
            threads.add(Thread.currentThread().getName());
            if (i == 0) {
                try {
                    assertTrue(others.await(20, TimeUnit.SECONDS), "the other items were not taken by another thread");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                done.add(i);
            } else {
                done.add(i);
                others.countDown();
            }
        });
        assertEquals(n, done.size());
        assertEquals(0, done.get(n - 1), "the slow item finished last");
        assertTrue(threads.size() >= 2, "two threads worked: " + threads);
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
