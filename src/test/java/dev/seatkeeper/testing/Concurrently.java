package dev.seatkeeper.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races: calls released together from their own threads, to test what the service serializes. */
public final class Concurrently {
    private Concurrently() {}

    /** One call of a race, told its index (0 to n - 1). */
    public interface Call<T> {
        T call(int index) throws Exception;
    }

    /** Runs {@code n} calls at once, all released by one latch; returns their results in index order. */
    public static <T> List<T> run(int n, Call<T> call) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
