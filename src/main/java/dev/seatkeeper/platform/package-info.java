/**
 * What every feature stands on: the JAX-RS application, configuration, clock, JSON reading and writing,
 * and the one place where exceptions become HTTP error bodies.
 * Depends on nothing else in Seatkeeper; every feature package may depend on it.
 */
package dev.seatkeeper.platform;
