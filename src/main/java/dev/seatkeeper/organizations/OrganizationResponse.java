package dev.seatkeeper.organizations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's Organization. Settings Seatkeeper does not implement (payments, e-mails, portal options) are reported
 * with fixed values, because the SDK requires every key.
 */
public record OrganizationResponse(
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        UUID id,
        String name,
        String slug,
        String avatarUrl,
        String prorationBehavior,
        boolean allowCustomerUpdates,
        String email,
        String website,
        List<Object> socials,
        String status,
        OffsetDateTime detailsSubmittedAt,
        boolean ssoEnforced,
        String defaultPresentmentCurrency,
        String defaultTaxBehavior,
        FeatureSettings featureSettings,
        SubscriptionSettings subscriptionSettings,
        CustomerEmailSettings customerEmailSettings,
        CustomerPortalSettings customerPortalSettings,
        String country,
        UUID accountId,
        UUID payoutAccountId,
        Capabilities capabilities) {

    /**
     * Beyond Polar: {@code seat_email_domains}, the seat e-mail domain policy (empty: any domain), and
     * {@code seat_capacity_alerts}, the capacity alert thresholds in percent.
     * {@code seat_reclaim}, the reclaim policy of idle seats.
     */
    public record FeatureSettings(
            boolean seatBasedPricingEnabled,
            boolean memberModelEnabled,
            List<String> seatEmailDomains,
            List<Integer> seatCapacityAlerts,
            SeatReclaimPolicy seatReclaim) {}

    public record SubscriptionSettings(
            boolean allowMultipleSubscriptions,
            String prorationBehavior,
            int benefitRevocationGracePeriod,
            boolean preventTrialAbuse,
            boolean allowCustomerUpdates) {}

    public record CustomerEmailSettings(
            boolean orderConfirmation,
            boolean subscriptionCancellation,
            boolean subscriptionConfirmation,
            boolean subscriptionCycled,
            boolean subscriptionCycledAfterTrial,
            boolean subscriptionPastDue,
            boolean subscriptionPaused,
            boolean subscriptionResumed,
            boolean subscriptionRenewalReminder,
            boolean subscriptionRevoked,
            boolean subscriptionTrialConversionReminder,
            boolean subscriptionUncanceled,
            boolean subscriptionUpdated) {}

    public record CustomerPortalSettings(Usage usage, PortalSubscription subscription) {
        public record Usage(boolean show) {}

        public record PortalSubscription(boolean updateSeats, boolean updatePlan) {}

        static CustomerPortalSettings defaults() {
            return new CustomerPortalSettings(new Usage(false), new PortalSubscription(true, false));
        }
    }

    public record Capabilities(
            boolean checkoutPayments,
            boolean subscriptionRenewals,
            boolean payouts,
            boolean refunds,
            boolean apiAccess,
            boolean dashboardAccess) {}

    public static OrganizationResponse of(Organization o) {
        return new OrganizationResponse(
                o.createdAt(),
                o.modifiedAt(),
                o.id(),
                o.name(),
                o.slug(),
                null,
                "prorate",
                true,
                null,
                null,
                List.of(),
                "active",
                null,
                false,
                "usd",
                "location",
                new FeatureSettings(
                        o.seatBasedPricingEnabled(),
                        o.memberModelEnabled(),
                        o.seatEmailDomains(),
                        o.seatCapacityAlerts(),
                        o.seatReclaim()),
                new SubscriptionSettings(true, "prorate", 0, false, true),
                new CustomerEmailSettings(
                        true, false, false, false, false, false, false, false, false, false, false, false, false),
                CustomerPortalSettings.defaults(),
                null,
                null,
                null,
                new Capabilities(false, false, false, false, true, false));
    }

    /** The organization as the portal sees it (Polar's CustomerOrganization). */
    public record CustomerOrganization(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            String name,
            String slug,
            String avatarUrl,
            String prorationBehavior,
            boolean allowCustomerUpdates,
            CustomerPortalSettings customerPortalSettings) {
        public static CustomerOrganization of(Organization o) {
            return new CustomerOrganization(
                    o.createdAt(),
                    o.modifiedAt(),
                    o.id(),
                    o.name(),
                    o.slug(),
                    null,
                    "prorate",
                    true,
                    CustomerPortalSettings.defaults());
        }
    }
}
