/**
 * Who is calling: token formats, hashed token storage, the one authentication filter, scopes as annotations on
 * resource methods, and the request's {@link dev.seatkeeper.security.Caller}. Each kind of token is resolved by the
 * feature that issues it, through {@link dev.seatkeeper.security.TokenResolver}, and the
 * {@link dev.seatkeeper.security.Principal} carries what authorization needs (ids, whether the caller manages billing).
 *
 * <p>May depend on platform only.
 */
package dev.seatkeeper.security;
