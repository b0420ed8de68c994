package dev.seatkeeper.customers;

import java.util.Optional;

/**
 * A member update (Polar's {@code MemberUpdate}): each field present changes, each absent or null one stays.
 *
 * @param name the new name
 * @param email the new address, stripped and valid
 * @param role the new role
 */
public record MemberChanges(Optional<String> name, Optional<String> email, Optional<MemberRole> role) {}
