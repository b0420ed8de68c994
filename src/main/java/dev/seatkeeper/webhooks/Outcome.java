package dev.seatkeeper.webhooks;

import java.util.Optional;

/**
 * What one attempt came to: the receiver's status ({@code null} when no answer arrived: refused address, connection
 * error, timeout), the start of its body or why there was none, and its {@code Retry-After} header.
 */
record Outcome(Integer httpCode, String response, Optional<String> retryAfter) {

    /** Any 2xx is a success (contract: "Success is any 2xx within 10 s"). */
    boolean succeeded() {
        return httpCode != null && httpCode >= 200 && httpCode < 300;
    }

    /** {@code 410 Gone}: the receiver wants nothing more (Beyond Polar: the endpoint is disabled at once). */
    boolean gone() {
        return httpCode != null && httpCode == 410;
    }

    static Outcome noAnswer(String why) {
        return new Outcome(null, why, Optional.empty());
    }
}
