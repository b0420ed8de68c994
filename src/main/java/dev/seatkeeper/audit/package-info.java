/**
 * The audit trail (contract, "Beyond Polar: audit trail"): every change of a seat written as an entry of its history
 * in the change's own transaction ({@link dev.seatkeeper.audit.AuditTrail}), with its actor and request id; each
 * organization's entries linked into a hash chain ({@link dev.seatkeeper.audit.AuditChain}); and the reads: a seat's
 * history, the organization's audit events (paged, or NDJSON) and the chain's verification
 * ({@link dev.seatkeeper.audit.AuditLog}).
 *
 * <p>May depend on platform and security.
 */
package dev.seatkeeper.audit;
