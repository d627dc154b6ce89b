package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.JsonText;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionNotFoundException;
import dev.minsky.sessions.store.SessionStore;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show one session with all its fields, including ones this version does not know.")
final class ShowCommand implements Callable<Integer> {
    /** Constant names are the values users type. */
    enum Format { text, json }

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The session's name.")
    String name;

    @Option(names = "--store", paramLabel = "LOC", description = StoreOption.DESCRIPTION)
    String store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text: one 'field: value' line per field; json: the record as Minsky writes it "
                    + "(default: ${DEFAULT-VALUE}).")
    Format format;

    ShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        try (SessionStore store = ctx.openStore(this.store)) {
            SessionRecord record = store.get(name)
                    .orElseThrow(() -> new SessionNotFoundException(name, store.location().display()));
            Writer out = ctx.out();
            if (format == Format.json) {
                JsonText.write(record.fields(), out, 2);
                out.write('\n');
            } else {
                for (Map.Entry<String, JsonValue> field : record.fields().members().entrySet()) {
                    out.write(field.getKey() + ": " + Cells.oneLine(field.getValue()) + "\n");
                }
            }
        }
        return Cli.OK;
    }
}
