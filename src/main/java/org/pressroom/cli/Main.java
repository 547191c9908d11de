package org.pressroom.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pressroom} command: a thin front door over the build. */
@Command(name = "pressroom", mixinStandardHelpOptions = true, version = "Pressroom 0.1.0",
        description = "Builds a bilingual press-release archive into a static site.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // template problems are reported as path:line:col problems; FreeMarker's own log would repeat them
        System.setProperty("org.freemarker.loggerLibrary", "none");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit status (0, 1 or 2). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("pressroom: internal error: " + ex);
            ex.printStackTrace(err);
            return 3;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, check, serve or new");
    }
}
