package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.DomainException;

/**
 * 400 {@code EmailDomainNotAllowed}: a seat for an e-mail outside the organization's
 * {@code feature_settings.seat_email_domains} (contract, "Beyond Polar: seat lifecycle", domain policy).
 */
public class EmailDomainNotAllowed extends DomainException {
    /** @param domain the e-mail's domain, lower case */
    public EmailDomainNotAllowed(String domain) {
        super(Kind.INVALID, "Seats cannot be assigned to e-mail addresses at " + domain + " in this organization");
    }
}
