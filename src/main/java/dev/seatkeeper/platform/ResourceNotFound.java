package dev.seatkeeper.platform;

/** 404 {@code ResourceNotFound}: Polar's answer for an id the caller cannot see, whether it exists or not. */
public class ResourceNotFound extends DomainException {
    /** @param detail what was not found, as Polar words it ("Seat not found") */
    public ResourceNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }
}
