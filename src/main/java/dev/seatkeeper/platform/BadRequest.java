package dev.seatkeeper.platform;

/** 400 {@code BadRequest}: Polar's generic refusal of a request it cannot serve as it stands (a body that is not UTF-8, a seat list without a container). */
public class BadRequest extends DomainException {
    public BadRequest(String detail) {
        super(Kind.INVALID, detail);
    }
}
