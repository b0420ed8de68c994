package dev.seatkeeper.reclaim;

import java.time.OffsetDateTime;

/**
 * A warning was given, fired in the warning's transaction and mailed after it commits: to whom, about which product
 * of which organization, when the seat is reclaimed (UTC), and the "keep my seat" link.
 */
record ReclaimWarned(
        String email, String productName, String organizationName, OffsetDateTime reclaimAt, String keepUrl) {}
