package dev.seatkeeper.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root of the floor WAR's context ({@code /floor}); its one resource is {@link Floor}. */
@ApplicationPath("/")
public class FloorApplication extends Application {}
