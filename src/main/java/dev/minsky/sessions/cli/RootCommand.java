package dev.minsky.sessions.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = Cli.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Browse, check and migrate the session database of Minsky (JSON file, SQLite or PostgreSQL).%n"
                + "Without arguments, or with 'gui', the desktop application opens instead.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the work ran but something failed, was not found or was invalid",
            "2:wrong usage (bad option, unknown backend or location on the command line or in the environment)",
            "3:a store could not be opened or reached, or a configuration file is broken"})
final class RootCommand implements Callable<Integer> {
    // Read from the parse result by Cli's error handler; INHERIT makes it valid after any command.
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On an error, also print its stack trace.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required: list, show, config, test-connection, migrate, verify or restore");
    }
}
