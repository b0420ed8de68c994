package dev.seatkeeper.platform;

/** 403 {@code NotPermitted}: the caller is authenticated but may not do this (a plain member on a billing route, member management not enabled). */
public class NotPermitted extends DomainException {
    public NotPermitted(String detail) {
        super(Kind.NOT_PERMITTED, detail);
    }
}
