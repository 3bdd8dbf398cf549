package io.flightdeck.shared.jobs;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashHoldTests {

    private static final Set<String> BOUNDARIES = Set.of("before", "after");

    @Test
    void offItHoldsNothing() {
        CrashHold hold = CrashHold.of("p", "", BOUNDARIES);
        hold.reached("before", "x");
        hold.reached("after", "x");
    }

    @Test
    void withCountsEachBoundaryHoldsItsFirstThreadsAndLetsTheRestPass() throws Exception {
        CrashHold hold = CrashHold.of("p", "before:2,after:1", BOUNDARIES);
        AtomicInteger passedBoth = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(5);
        Thread[] threads = new Thread[5];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    hold.reached("before", "item");
                    hold.reached("after", "item");
                    passedBoth.incrementAndGet();
                } catch (IllegalStateException interrupted) {
                    // a held thread, let go at the end of the test
                } finally {
                    done.countDown();
                }
            });
            threads[i].start();
            // one at a time, as a crash test's waves do
            threads[i].join(200);
        }
        // two held before, one after, two passed both
        assertThat(passedBoth).hasValue(2);
        assertThat(done.getCount()).isEqualTo(3);
        for (Thread thread : threads) {
            thread.interrupt();
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(passedBoth).hasValue(2);
    }

    @Test
    void aBoundaryWithoutACountHoldsEveryThread() throws Exception {
        CrashHold hold = CrashHold.of("p", "after", BOUNDARIES);
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    hold.reached("before", "item");
                    hold.reached("after", "item");
                } catch (IllegalStateException interrupted) {
                    // let go
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join(300);
            assertThat(thread.isAlive()).isTrue();
            thread.interrupt();
            thread.join(5000);
        }
    }

    @Test
    void anUnknownBoundaryOrABadCountStopsTheStart() {
        assertThatThrownBy(() -> CrashHold.of("p", "during", BOUNDARIES)).hasMessageContaining("p must name boundaries");
        assertThatThrownBy(() -> CrashHold.of("p", "before:0", BOUNDARIES)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> CrashHold.of("p", "before:x", BOUNDARIES)).hasMessageContaining("above 0");
    }
}
