package dev.seatkeeper.customers;

import java.util.Optional;

/**
 * The e-mail syntax check behind every field that takes an address, with the reasons Polar's validator gives.
 * Internationalized addresses (letters beyond ASCII before or after the @-sign) are valid, as they are for Polar.
 */
public final class Emails {
    /** Longer input is refused as too long before its syntax is looked at. */
    public static final int MAX_LENGTH = 320;

    private static final String ATEXT = "!#$%&'*+/=?^_`{|}~-";

    private Emails() {}

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
        if (domain.isEmpty()) {
            return Optional.of("There must be something after the @-sign.");
        }
        if (e.length() > 254) {
            return Optional.of("The email address is too long (" + (e.length() - 254) + " characters too many).");
        }
        if (local.length() > 64) {
            return Optional.of("The email address is too long before the @-sign (" + (local.length() - 64)
                    + " characters too many).");
        }
        if (local.startsWith(".")) {
            return Optional.of("An email address cannot start with a period.");
        }
        if (local.endsWith(".")) {
            return Optional.of("An email address cannot have a period immediately before the @-sign.");
        }
        if (local.contains("..")) {
            return Optional.of("An email address cannot have two periods in a row.");
        }
        Optional<String> badLocal = local.codePoints()
                .filter(c -> c != '.' && !isWordCharacter(c) && ATEXT.indexOf(c) < 0)
                .mapToObj(Character::toString)
                .findFirst();
        if (badLocal.isPresent()) {
            return Optional.of(
                    "The email address contains invalid characters before the @-sign: '" + badLocal.get() + "'.");
        }
        if (!domain.contains(".")) {
            return Optional.of("The part after the @-sign is not valid. It should have a period.");
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty()
                    || label.length() > 63
                    || label.startsWith("-")
                    || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> c == '-' || isWordCharacter(c))) {
                return Optional.of("The part after the @-sign is not a valid domain name.");
            }
        }
        return Optional.empty();
    }

    /** ASCII letters and digits, and any letter, digit or combining mark beyond ASCII. */
    private static boolean isWordCharacter(int c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c);
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    public static String message(String reason) {
        return "value is not a valid email address: " + reason;
    }
}
