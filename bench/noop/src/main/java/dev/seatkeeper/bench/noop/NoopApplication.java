package dev.seatkeeper.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root of the no-op WAR's context ({@code /noop}); its one resource is {@link Ping}. */
@ApplicationPath("/")
public class NoopApplication extends Application {}
