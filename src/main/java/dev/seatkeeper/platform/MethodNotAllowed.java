package dev.seatkeeper.platform;

/** 405 {@code MethodNotAllowed}: a method the path does not serve, such as {@code OPTIONS} (contract, "Edge behaviour"). */
public class MethodNotAllowed extends DomainException {
    public MethodNotAllowed() {
        super(Kind.METHOD_NOT_ALLOWED, "Method Not Allowed");
    }
}
