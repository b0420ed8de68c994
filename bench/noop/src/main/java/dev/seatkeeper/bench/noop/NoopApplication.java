package dev.seatkeeper.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS at the root of the no-op WAR's context ({@code /noop}): {@link Ping}, the yardstick, and {@link Floor}, the
 * stack's floor for one write and one read.
 */
@ApplicationPath("/")
public class NoopApplication extends Application {}
