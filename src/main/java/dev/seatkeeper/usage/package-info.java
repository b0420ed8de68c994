/**
 * Capacity signals, the seat-usage ledger and Polar's seat metrics (contract, "Beyond Polar: capacity signals, seat
 * usage and seat metrics"): {@link dev.seatkeeper.usage.CapacitySignals} records the threshold and full events in the
 * transaction of each change to a pool, observing the seats and purchases features' events;
 * {@link dev.seatkeeper.usage.SeatUsageService} computes the ledger from the seat history, read-only;
 * {@link dev.seatkeeper.usage.SeatMetricsService} the metrics from the seat steps the seats feature writes with each
 * change, which {@link dev.seatkeeper.usage.SeatStepFolder} folds on the scheduler.
 *
 * <p>May depend on platform, security, events, organizations, catalog, customers, purchases and seats.
 */
package dev.seatkeeper.usage;
