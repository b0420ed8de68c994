package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version settings (contract, "API versions" and "Configuration"), without a server. */
class ApiVersionsTest {
    private static ApiVersions of(String served, String dflt, String deprecated, Map<String, String> sunsets) {
        return ApiVersions.of(served, dflt, deprecated, key -> Optional.ofNullable(sunsets.get(key)));
    }

    private static ApiVersions defaults() {
        return of(
                "2026-04,2026-10,2027-01",
                "2026-10",
                "2026-04",
                Map.of("SEATKEEPER_API_VERSION_SUNSET_2026_04", "2027-01-15"));
    }

    @Test
    void aMissingOrEmptyHeaderGetsTheDefaultAndAnUnservedOneNothing() {
        var versions = defaults();
        assertEquals(Optional.of("2026-10"), versions.effective(null));
        assertEquals(Optional.of("2026-10"), versions.effective(" "));
        assertEquals(Optional.of("2026-04"), versions.effective("2026-04"));
        assertEquals(Optional.empty(), versions.effective("2025-01"));
        assertEquals(List.of("2026-04", "2026-10", "2027-01"), versions.served());
    }

    @Test
    void aDeprecatedVersionIsDeprecatedFromTheFirstDayOfTheNextServedVersion() {
        var deprecation = defaults().deprecation("2026-04").orElseThrow();
        assertEquals("@1790812800", deprecation.deprecationHeader());
        assertEquals(Optional.of("Fri, 15 Jan 2027 00:00:00 GMT"), deprecation.sunsetHeader());
        assertEquals(Optional.empty(), defaults().deprecation("2026-10"));
        assertEquals(Optional.empty(), defaults().deprecation("2027-01"));
        // With 2026-10 not served, 2027-01 is the one that replaced it.
        var skipping = of("2026-04,2027-01", "2027-01", "2026-04", Map.of());
        var jump = skipping.deprecation("2026-04").orElseThrow();
        assertEquals("@1798761600", jump.deprecationHeader());
        assertEquals(Optional.empty(), jump.sunsetHeader());
    }

    @Test
    void noneDeprecatesNothingAndAnnouncesNoSunset() {
        assertEquals(
                Optional.empty(),
                of("2026-04,2026-10", "2026-10", "none", Map.of()).deprecation("2026-04"));
        var undated =
                of("2026-04,2026-10", "2026-10", "2026-04", Map.of("SEATKEEPER_API_VERSION_SUNSET_2026_04", "none"));
        assertEquals(
                Optional.empty(), undated.deprecation("2026-04").orElseThrow().sunsetHeader());
    }

    @Test
    void aDeprecatedVersionThatIsNotServedIsIgnored() {
        assertEquals(
                Optional.empty(),
                of("2026-10,2027-01", "2026-10", "2026-04", Map.of()).deprecation("2026-04"));
    }

    @Test
    void settingsThatCannotBeServedAreRefusedWithTheirName() {
        var outside =
                assertThrows(IllegalArgumentException.class, () -> of("2026-04,2026-10", "2027-01", "", Map.of()));
        assertTrue(
                outside.getMessage()
                        .startsWith("SEATKEEPER_API_VERSION_DEFAULT '2027-01' is not one of the served"
                                + " versions SEATKEEPER_API_VERSIONS=2026-04,2026-10"),
                outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> of("2026-4", "2026-4", "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> of("", "", "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> of("2026-04,2026-10", "2026-10", "2026-10", Map.of()));
        var badDate = assertThrows(
                IllegalArgumentException.class,
                () -> of(
                        "2026-04,2026-10",
                        "2026-10",
                        "2026-04",
                        Map.of("SEATKEEPER_API_VERSION_SUNSET_2026_04", "soon")));
        assertTrue(badDate.getMessage().startsWith("SEATKEEPER_API_VERSION_SUNSET_2026_04"), badDate.getMessage());
    }
}
