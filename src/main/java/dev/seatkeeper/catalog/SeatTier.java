package dev.seatkeeper.catalog;

/** A band of seat counts and the price per seat in it, in the currency's smallest unit. A null maximum is open. */
public record SeatTier(long minSeats, Long maxSeats, long pricePerSeat) {

    public boolean contains(long seats) {
        return seats >= minSeats && (maxSeats == null || seats <= maxSeats);
    }
}
