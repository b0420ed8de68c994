package dev.seatkeeper.customers;

import java.util.Optional;
import java.util.regex.Pattern;

/** The e-mail syntax check behind every field that takes an address, with the reasons Polar gives. */
public final class Emails {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Emails() {
    }

    /** Why the address is not valid, or empty when it is. */
    public static Optional<String> problem(String email) {
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("An email address must have an @-sign.");
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        if (local.isEmpty()) {
            return Optional.of("There must be something before the @-sign.");
        }
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("The email address contains invalid characters before the @-sign.");
        }
        if (domain.isEmpty()) {
            return Optional.of("There must be something after the @-sign.");
        }
        if (!domain.contains(".")) {
            return Optional.of("The part after the @-sign is not valid. It should have a period.");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.of("The part after the @-sign is not a valid domain name.");
        }
        return Optional.empty();
    }

    public static String message(String reason) {
        return "value is not a valid email address: " + reason;
    }
}
