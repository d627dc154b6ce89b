package dev.minsky.sessions.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {
    @Test
    void comparesVersionsByNumberPerPart() {
        assertEquals(Optional.of("1.10"), SchemaVersions.highest(List.of("0", "1.9", "1.10", "1.2")));
        assertEquals(Optional.of("2"), SchemaVersions.highest(List.of("1.99.1", "2")));
        assertEquals(Optional.of("1_3"), SchemaVersions.highest(List.of("1.2", "1_3")));
    }

    @Test
    void ignoresEntriesThatAreNotVersions() {
        assertEquals(Optional.of("1.1"), SchemaVersions.highest(List.of("R__views", "1.1", "")));
        assertEquals(Optional.empty(), SchemaVersions.highest(List.of("R__views")));
    }
}
