/**
 * What every feature stands on: the JAX-RS application, configuration, clock, JSON reading and writing,
 * the one place where exceptions become HTTP error bodies, the schema migrations that run before anything else
 * touches the database, and the embedded database's settings and group commits (an answer to a change waits until
 * the change is on disk).
 * Depends on nothing else in Seatkeeper; every feature package may depend on it.
 */
package dev.seatkeeper.platform;
