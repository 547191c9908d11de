package org.pressroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pressroom.build.When;
import org.pressroom.serve.Serve;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Builds DIR into memory and serves it on 127.0.0.1, drafts included and marked; "
                + "rebuilds what changed when content/ or templates/ change and reloads open pages.",
                "Nothing is written to the site folder."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", description = "project folder (default: .)")
    Path source = Path.of(".");

    @Option(names = "--port", paramLabel = "N", description = "port on 127.0.0.1 (default: 8000; 0: any free port)")
    int port = 8000;

    @Option(names = "--now", paramLabel = "DATE-TIME", converter = WhenConverter.class,
            description = "the clock for embargoes: 2014-06-02T10:00:00+09:00, …Z, or a date (default: the time of "
                    + "each rebuild)")
    When now;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a port (0–65535)");
        }
        Optional<When> when = Optional.ofNullable(now);
        Path src = source.toAbsolutePath().normalize();
        if (!Files.isDirectory(src)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source + " is not a folder");
        }
        Serve serve;
        try {
            serve = Serve.start(src, port, when, out, err);
        } catch (Serve.PortTaken e) {
            err.println("pressroom: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serve.close();
            stopped.countDown();
        }, "pressroom-serve-stop"));
        out.println("Serving " + src + " at " + serve.url() + " (drafts shown; press Ctrl+C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }
}
