package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.Instants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code --since}/{@code --until} values: an instant ({@code 2025-07-01T09:00:00Z}, any offset), a
 * local date-time ({@code 2025-07-01T09:00}) or a date ({@code 2025-07-01}), local ones in the
 * user's time zone, as the table shows them. A date given to {@code --until} includes that whole
 * day, so {@code --since D --until D} lists the sessions created on day D.
 */
final class TimeArgument {
    private TimeArgument() {
    }

    static Optional<Instant> since(String text, ZoneId zone) {
        return parse(text, zone, false);
    }

    static Optional<Instant> until(String text, ZoneId zone) {
        return parse(text, zone, true);
    }

    private static Optional<Instant> parse(String text, ZoneId zone, boolean endOfDay) {
        String t = text.trim();
        Optional<Instant> instant = Instants.parse(t);
        if (instant.isPresent()) {
            return instant;
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            // not a local date-time; try a date
        }
        try {
            LocalDate date = LocalDate.parse(t);
            return Optional.of((endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
