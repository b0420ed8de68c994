package dev.seatkeeper.purchases;

/**
 * Fired synchronously, inside the revoking transaction, when a subscription ends: observers (the seats feature)
 * revoke what hangs on it, all-or-nothing with the subscription itself.
 */
public record SubscriptionRevoked(Subscription subscription) {}
