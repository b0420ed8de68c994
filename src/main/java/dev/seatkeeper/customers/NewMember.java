package dev.seatkeeper.customers;

/**
 * A member to add, as the create routes read it (Polar's {@code MemberCreateFromCustomer}, portal
 * {@code CustomerPortalMemberCreate}).
 *
 * @param email the address, stripped and valid
 * @param name the name, or null
 * @param externalId the merchant's id for the member, or null
 * @param role the role; never {@code owner} (ownership comes with the customer or moves by an update)
 */
public record NewMember(String email, String name, String externalId, MemberRole role) {}
