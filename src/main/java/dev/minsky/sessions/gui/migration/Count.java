package dev.minsky.sessions.gui.migration;

/**
 * One line of a summary (plan counts, verification totals): a label, its value, and whether it
 * needs the user's attention (shown in the warning colour).
 */
public record Count(String label, String value, boolean attention) {
}
