package dev.seatkeeper.seats;

public enum SeatStatus {
    PENDING("pending"),
    CLAIMED("claimed"),
    REVOKED("revoked");

    private final String wireName;

    SeatStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
