/**
 * What operators watch: health checks for the server's health endpoints, and metrics in Prometheus text behind
 * their own token. Features are measured through {@link dev.seatkeeper.platform.Measured} and the database is read
 * through the data source, never through a feature's classes.
 *
 * <p>May depend on platform only.
 */
package dev.seatkeeper.operations;
