package dev.seatkeeper.customers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public enum MemberRole {
    OWNER("owner"),
    BILLING_MANAGER("billing_manager"),
    MEMBER("member");

    private final String wireName;

    MemberRole(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Owners and billing managers act for the customer on billing matters; plain members do not. */
    public boolean managesBilling() {
        return this != MEMBER;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(MemberRole::wireName).toList();
    }

    public static Optional<MemberRole> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
