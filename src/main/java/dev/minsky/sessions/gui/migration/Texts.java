package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.Outcome;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ResourceBundle;

/** The wizard's texts: {@code migration.*} keys with arguments, numbers grouped, durations short. */
final class Texts {
    private final ResourceBundle bundle;

    Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance().format(n);
    }

    /** {@code outcome.already_present} → "already present", from the bundle. */
    String outcome(Outcome o) {
        return get("migration.outcome." + o.key());
    }

    /** "1 h 02 min", "3 min 05 s", "12 s". */
    String duration(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s >= 3600) {
            return get("migration.duration.hours", s / 3600, String.format("%02d", (s % 3600) / 60));
        }
        if (s >= 60) {
            return get("migration.duration.minutes", s / 60, String.format("%02d", s % 60));
        }
        return get("migration.duration.seconds", s);
    }
}
