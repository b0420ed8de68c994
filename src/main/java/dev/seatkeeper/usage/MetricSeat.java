package dev.seatkeeper.usage;

/**
 * One seat as the metrics read it: its dates in microseconds since the epoch ({@link SeatSpan#NEVER} when not
 * reached), why it was revoked, whether it was claimed through an invitation (not an immediate claim), and its billing
 * customer (the container's customer, which a revoked seat keeps).
 */
record MetricSeat(long created, long claimed, long revoked, String reason, boolean invited, String customer) {}
