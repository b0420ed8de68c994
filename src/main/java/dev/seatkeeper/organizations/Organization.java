package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.List;

@Entity
@Table(
        name = "organizations",
        uniqueConstraints = @UniqueConstraint(name = "uq_organizations_slug", columnNames = "slug"))
@NamedQuery(name = "Organization.bySlug", query = "select o from Organization o where o.slug = :slug")
public class Organization extends BaseEntity {
    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String slug;

    @Column(name = "seat_based_pricing_enabled", nullable = false)
    private boolean seatBasedPricingEnabled;

    @Column(name = "member_model_enabled", nullable = false)
    private boolean memberModelEnabled;

    /** {@link SeatEmailDomains}, comma-separated; {@code null}: any domain. */
    @Column(name = "seat_email_domains", length = 4000)
    private String seatEmailDomains;

    /** {@link SeatCapacityAlerts}, comma-separated; {@code null}: the default. */
    @Column(name = "seat_capacity_alerts", length = 400)
    private String seatCapacityAlerts;

    /** {@link SeatReclaimPolicy}, one column per field; the roles comma-separated. */
    @Column(name = "reclaim_enabled", nullable = false)
    private boolean reclaimEnabled;

    @Column(name = "reclaim_inactive_after_days", nullable = false)
    private int reclaimInactiveAfterDays;

    @Column(name = "reclaim_unclaimed_after_days")
    private Integer reclaimUnclaimedAfterDays;

    @Column(name = "reclaim_warn_days_before", nullable = false)
    private int reclaimWarnDaysBefore;

    @Column(name = "reclaim_exempt_roles", nullable = false, length = 64)
    private String reclaimExemptRoles;

    protected Organization() {}

    /**
     * @param seatEmailDomains normalized ({@link SeatEmailDomains#normalize}); empty: any domain
     * @param seatReclaim the reclaim policy of idle seats ({@link SeatReclaimPolicy#DEFAULT}: off)
     */
    public Organization(
            String name,
            String slug,
            boolean seatBasedPricingEnabled,
            boolean memberModelEnabled,
            List<String> seatEmailDomains,
            List<Integer> seatCapacityAlerts,
            SeatReclaimPolicy seatReclaim) {
        super(Timestamps.now());
        this.name = name;
        this.slug = slug;
        this.seatBasedPricingEnabled = seatBasedPricingEnabled;
        this.memberModelEnabled = memberModelEnabled;
        this.seatEmailDomains = SeatEmailDomains.store(seatEmailDomains);
        this.seatCapacityAlerts = SeatCapacityAlerts.store(seatCapacityAlerts);
        setSeatReclaim(seatReclaim);
    }

    /** Every seat operation of an organization that has not turned seat-based pricing on is refused with 403. */
    public void requireSeatBasedPricing() {
        if (!seatBasedPricingEnabled) {
            throw new FeatureNotEnabled();
        }
    }

    /**
     * Refuses a seat for an address outside {@code seat_email_domains} with {@link EmailDomainNotAllowed}; any address
     * passes when the list is empty (contract, "Beyond Polar: seat lifecycle", domain policy).
     */
    public void requireSeatEmailAllowed(String email) {
        if (seatEmailDomains == null || email == null) {
            return;
        }
        String domain = SeatEmailDomains.domainOf(email);
        if (!seatEmailDomains().contains(domain)) {
            throw new EmailDomainNotAllowed(domain);
        }
    }

    /**
     * Changes what the operator may change: the name and the feature settings; {@code null} keeps a value,
     * {@code seatEmailDomains} empty allows any domain, {@code seatCapacityAlerts} empty records no threshold event.
     */
    public void update(
            String name,
            Boolean seatBasedPricingEnabled,
            Boolean memberModelEnabled,
            List<String> seatEmailDomains,
            List<Integer> seatCapacityAlerts) {
        if (name != null) {
            this.name = name;
        }
        if (seatBasedPricingEnabled != null) {
            this.seatBasedPricingEnabled = seatBasedPricingEnabled;
        }
        if (memberModelEnabled != null) {
            this.memberModelEnabled = memberModelEnabled;
        }
        if (seatEmailDomains != null) {
            this.seatEmailDomains = SeatEmailDomains.store(seatEmailDomains);
        }
        if (seatCapacityAlerts != null) {
            this.seatCapacityAlerts = SeatCapacityAlerts.store(seatCapacityAlerts);
        }
        touch();
    }

    /** Changes the seat reclaim policy (contract, "Beyond Polar: activity and reclaim of idle seats"). */
    public void updateSeatReclaim(SeatReclaimPolicy.Change change) {
        setSeatReclaim(seatReclaim().with(change));
        touch();
    }

    private void setSeatReclaim(SeatReclaimPolicy policy) {
        this.reclaimEnabled = policy.enabled();
        this.reclaimInactiveAfterDays = policy.inactiveAfterDays();
        this.reclaimUnclaimedAfterDays = policy.unclaimedAfterDays();
        this.reclaimWarnDaysBefore = policy.warnDaysBefore();
        this.reclaimExemptRoles = String.join(",", policy.exemptRoles());
    }

    /** The seat reclaim policy; applied by the scheduler at its next run. */
    public SeatReclaimPolicy seatReclaim() {
        return new SeatReclaimPolicy(
                reclaimEnabled,
                reclaimInactiveAfterDays,
                reclaimUnclaimedAfterDays,
                reclaimWarnDaysBefore,
                reclaimExemptRoles.isEmpty() ? List.of() : List.of(reclaimExemptRoles.split(",")));
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public boolean seatBasedPricingEnabled() {
        return seatBasedPricingEnabled;
    }

    public boolean memberModelEnabled() {
        return memberModelEnabled;
    }

    /** The allowed seat e-mail domains, lower case; empty: any. */
    public List<String> seatEmailDomains() {
        return SeatEmailDomains.load(seatEmailDomains);
    }

    /** The capacity alert thresholds, ascending percentages ({@link SeatCapacityAlerts}); the default when not set. */
    public List<Integer> seatCapacityAlerts() {
        return SeatCapacityAlerts.load(seatCapacityAlerts);
    }
}
