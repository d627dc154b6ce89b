package dev.minsky.sessions.migrate;

import java.util.List;

/**
 * Verification's finding for one record that is not identical in the target.
 *
 * @param outcome       {@link Outcome#DIFFERENT}, {@link Outcome#MISSING} or {@link Outcome#EXTRA}
 * @param differences   the differing fields (for {@link Outcome#DIFFERENT})
 * @param sourceDigest  SHA-256 of the source's record in hex, or null when the source has none
 * @param targetDigest  SHA-256 of the target's record in hex, or null when the target has none
 */
public record RecordCheck(String session, Outcome outcome, List<FieldDifference> differences,
                          String sourceDigest, String targetDigest) {
    public RecordCheck {
        differences = List.copyOf(differences);
    }
}
