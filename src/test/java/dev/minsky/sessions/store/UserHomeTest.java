package dev.minsky.sessions.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserHomeTest {
    @Test
    void homeFromTheEnvironmentWinsOverJavasUserHome() {
        assertEquals(Path.of("/tmp/fresh-home"), UserHome.of(Map.of("HOME", "/tmp/fresh-home"), "Linux", "/root"),
                "as Minsky, libpq and the shell see it");
    }

    @Test
    void fallsBackToUserHomeWhenHomeIsMissingRelativeOrOnWindows() {
        assertEquals(Path.of("/root"), UserHome.of(Map.of(), "Linux", "/root"));
        assertEquals(Path.of("/root"), UserHome.of(Map.of("HOME", " "), "Linux", "/root"));
        assertEquals(Path.of("/root"), UserHome.of(Map.of("HOME", "relative/home"), "Mac OS X", "/root"));
        assertEquals(Path.of("/root"), UserHome.of(Map.of("HOME", "/c/Users/me"), "Windows 11", "/root"));
    }
}
