package dev.manifestkit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Runs one fuzz try under a time and an allocation bound: a hang fails after the time limit
 * instead of stalling the build, and a memory bomb fails on what it allocated instead of waiting
 * for an {@link OutOfMemoryError} in a JVM with gigabytes of heap.
 */
public final class Bounded {

    /** Generous: the CI machine may be shared; a real hang is unbounded. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    /** About 100 times what the largest corpus document needs to read. */
    public static final long ALLOCATION_LIMIT = 512L * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Bounded() {
    }

    public static <T> T run(String what, ThrowingSupplier<T> action) {
        return Assertions.assertTimeoutPreemptively(TIME_LIMIT, () -> {
            long thread = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(thread);
            try {
                return action.get();
            } finally {
                long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
                assertThat(allocated).as("bytes allocated by %s", what).isLessThan(ALLOCATION_LIMIT);
            }
        }, () -> what + " took longer than " + TIME_LIMIT.toSeconds() + " s");
    }
}
