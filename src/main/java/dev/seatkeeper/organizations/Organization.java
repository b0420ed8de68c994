package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

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

    protected Organization() {}

    public Organization(String name, String slug, boolean seatBasedPricingEnabled, boolean memberModelEnabled) {
        super(Timestamps.now());
        this.name = name;
        this.slug = slug;
        this.seatBasedPricingEnabled = seatBasedPricingEnabled;
        this.memberModelEnabled = memberModelEnabled;
    }

    /** Every seat operation of an organization that has not turned seat-based pricing on is refused with 403. */
    public void requireSeatBasedPricing() {
        if (!seatBasedPricingEnabled) {
            throw new FeatureNotEnabled();
        }
    }

    /** Changes what the operator may change: the name and the feature settings. */
    public void update(String name, Boolean seatBasedPricingEnabled, Boolean memberModelEnabled) {
        if (name != null) {
            this.name = name;
        }
        if (seatBasedPricingEnabled != null) {
            this.seatBasedPricingEnabled = seatBasedPricingEnabled;
        }
        if (memberModelEnabled != null) {
            this.memberModelEnabled = memberModelEnabled;
        }
        touch();
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
}
