package dev.minsky.sessions.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.minsky.sessions.store.PostgresUrl;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final PostgresUrl url = PostgresUrl.parse("postgresql://bob@db.example:5432/sessions");

    @Test
    void masksThePasswordWhereverTheServerOrDriverEchoesIt() {
        Redactor redactor = new Redactor(Optional.of("s3cr:t/x"), url);

        assertEquals("bad login for **** (also ****), see postgresql://bob:****@db/x",
                redactor.message(new SQLException("FATAL: bad login for s3cr:t/x (also s3cr%3At%2Fx), see postgresql://bob:s3cr:t/x@db/x\n  Hint: …")));
        assertEquals("bad password ****", redactor.ownText("bad password s3cr:t/x"));
    }

    @Test
    void masksEvenAShortPasswordInForeignTextButDoesNotGarbleItsOwnSentences() {
        Redactor redactor = new Redactor(Optional.of("y"), url);

        assertEquals("sa**** ****es", redactor.external("say yes"));
        assertEquals("connection refused by db.example:5432", redactor.ownText("connection refused by db.example:5432"));
    }

    @Test
    void aPasswordEqualToANameTheReportShowsAnywayIsNotMaskedInOwnText() {
        Redactor redactor = new Redactor(Optional.of("sessions"), url);

        assertEquals("database 'sessions' exists", redactor.ownText("database 'sessions' exists"));
        assertEquals("echo ****", redactor.external("echo sessions"));
    }

    /** A role named like its database (the usual set-up), or a URL without a user, is fine. */
    @Test
    void worksWhenTheUserIsNamedLikeTheDatabaseOrMissing() {
        for (String u : new String[] {"postgresql://minsky@db.example/minsky", "postgresql://db.example/minsky"}) {
            Redactor redactor = new Redactor(Optional.of("s3cret-pw"), PostgresUrl.parse(u));
            assertEquals("as **** here", redactor.ownText("as s3cret-pw here"), u);
        }
    }

    @Test
    void keepsOnlyTheFirstLineOfAServerMessageWithoutItsSeverity() {
        assertEquals("database \"x\" does not exist",
                Redactor.firstLine(new SQLException("FATAL: database \"x\" does not exist\n  Location: File: postinit.c")));
    }
}
