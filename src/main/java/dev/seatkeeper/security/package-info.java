/**
 * Who is calling: token formats, hashed token storage, the one authentication filter, scopes as annotations
 * on resource methods, and the request's {@link dev.seatkeeper.security.Caller}.
 * Depends on platform and on the entities that tokens belong to (organizations, customers, sessions).
 */
package dev.seatkeeper.security;
