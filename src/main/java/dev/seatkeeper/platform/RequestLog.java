package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request log (contract, "Beyond Polar: audit trail": the request id is written to the server log line of each
 * request): one line per answered request, {@code <UTC time> METHOD /path STATUS 12.3 ms request_id=ID}
 * ({@link RequestIds#line}), on the logger {@value #LOGGER} at {@code INFO} (set that logger to {@code WARNING} to
 * turn the lines off).
 *
 * <p>The lines are queued by the requests and written by a timer, every {@value #FLUSH_MILLIS} ms, all lines queued
 * since the last write in one log record, one line per request. Why not one record per request: the server's log
 * handler formats and writes each record on the calling thread, and that cost about a third of the server's CPU per
 * request on a light read (claim info on the benchmark: 0.29 ms of CPU per request without the line, 0.37 to 0.45 ms
 * with a record each). A line therefore reaches the log up to {@value #FLUSH_MILLIS} ms after its answer, and the lines
 * of the last moment before a {@code kill -9} are lost; a stop writes them.
 */
@ApplicationScoped
public class RequestLog {
    static final String LOGGER = "dev.seatkeeper.requests";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** How often queued lines are written, in milliseconds. */
    static final long FLUSH_MILLIS = 200;
    /** Queued lines past which the request that adds one writes them itself, so a burst cannot fill the memory. */
    static final int MAX_QUEUED = 5_000;

    private final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** Held while lines are written, so that two writers never split the queue's order between their records. */
    private final ReentrantLock writing = new ReentrantLock();

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> flushes;

    @PostConstruct
    void start() {
        flushes = executor.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flushes.cancel(false);
        flush();
    }

    /**
     * Queues the line of a request being answered.
     *
     * @param startNanos {@link System#nanoTime()} when the request arrived
     */
    public void record(HttpServletRequest request, HttpServletResponse response, long startNanos) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        queued.add(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " "
                + RequestIds.line(
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        System.nanoTime() - startNanos,
                        RequestIds.current().orElse("-")));
        if (size.incrementAndGet() >= MAX_QUEUED) {
            flush();
        }
    }

    /** Writes every queued line, in the order queued, as one log record; nothing when another write is under way. */
    void flush() {
        if (!writing.tryLock()) {
            return;
        }
        try {
            var lines = new StringBuilder();
            int count = 0;
            for (String line = queued.poll(); line != null; line = queued.poll()) {
                lines.append(count == 0 ? "" : "\n").append(line);
                count++;
            }
            if (count > 0) {
                size.addAndGet(-count);
                LOG.info(lines.toString());
            }
        } catch (RuntimeException e) {
            // A failing handler must not end the timer (an exception ends a periodic task's later runs).
            LOG.log(Level.WARNING, "Request log lines could not be written", e);
        } finally {
            writing.unlock();
        }
    }
}
