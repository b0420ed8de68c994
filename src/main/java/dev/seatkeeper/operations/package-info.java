/**
 * What operators watch: health checks for the server's health endpoints, and metrics in Prometheus text behind
 * their own token. Depends on platform only; features are measured through {@link dev.seatkeeper.platform.Measured}
 * and the database is read through the data source, never through a feature's classes.
 */
package dev.seatkeeper.operations;
