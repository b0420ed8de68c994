package dev.seatkeeper.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;

/**
 * An e-mail address as given, with its look-up key: the address stripped and in lower case, so that one person is
 * one customer, one member and one seat per container whatever the case they type (contract, "Assign": e-mails match
 * case-insensitively). Stored in the columns {@code email} and {@code email_key} of customers, members and seats,
 * each unique or indexed on the key. Immutable: a new address is a new value.
 */
@Embeddable
public class EmailAddress {
    @Column(name = "email", length = Emails.MAX_LENGTH)
    private String address;

    @Column(name = "email_key", length = Emails.MAX_LENGTH)
    private String key;

    protected EmailAddress() {}

    private EmailAddress(String address) {
        this.address = address;
        this.key = keyOf(address);
    }

    /** The value for {@code address}, or {@code null} for none (a revoked seat keeps no address). */
    public static EmailAddress of(String address) {
        return address == null ? null : new EmailAddress(address);
    }

    /** The look-up key of an address (never {@code null}): what the {@code email_key} columns hold and are searched by. */
    public static String keyOf(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The address as it was given. */
    public String address() {
        return address;
    }

    /** Whether {@code other} names the same mailbox, by key. */
    public boolean matches(String other) {
        return other != null && key.equals(keyOf(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress e && Objects.equals(key, e.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
