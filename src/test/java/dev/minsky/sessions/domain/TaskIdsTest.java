package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
    @Test
    void theCurrentFormsAreMinskysAndNothingElse() {
        for (String id : List.of("#042", "136", "md#123", "gh#45", "mt#2967", "a1#0", "#0")) {
            assertTrue(TaskIds.isCurrentForm(id), id);
        }
        for (String id : List.of("", "#", "md#", "MD#1", "1md#2", "md#1a", "md##1", "#md#1", "md-1#2", " 1", "1 ",
                "\u0661\u0662", "md#\u0661", "task-7", "md1")) {
            assertFalse(TaskIds.isCurrentForm(id), id);
        }
        assertFalse(TaskIds.isCurrentForm(null));
    }

    /** The hand-written check answers as the pattern that defines the forms, on random short ids. */
    @Test
    void theCheckAgreesWithThePattern() {
        Random random = new Random(7);
        String alphabet = "#09az_A\u0661";
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(7);
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = id.toString();
            assertEquals(TaskIds.CURRENT.matcher(s).matches(), TaskIds.isCurrentForm(s), s);
        }
    }
}
