package dev.minsky.sessions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void opensTheGuiWithoutArgumentsOrWithGui() {
        assertTrue(Launcher.opensGui(new String[0]));
        assertTrue(Launcher.opensGui(new String[] {"gui"}));
        assertTrue(Launcher.opensGui(new String[] {"gui", "--some-fx-param"}));
    }

    @Test
    void runsTheCommandLineOtherwise() {
        assertFalse(Launcher.opensGui(new String[] {"list"}));
        assertFalse(Launcher.opensGui(new String[] {"--version"}));
        assertFalse(Launcher.opensGui(new String[] {"GUI"}));
    }
}
