package dev.subsidy.gateway.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * Everything the demo prints goes through here, so every line fits {@link ConsoleLines#WIDTH} columns
 * and none carries a colour code: the demo's output is read in terminals, CI logs and pasted issues.
 */
final class DemoConsole {

    private final PrintStream out;

    DemoConsole(PrintStream out) {
        this.out = out;
    }

    /** One progress line of the demo, prefixed so it reads apart from anything else on the terminal. */
    void progress(String line) {
        println("demo: " + line);
    }

    /** The summary at the end, each of its lines fitted. */
    void summary(DemoReport report) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new SummaryPrinter(new PrintStream(printed, true, UTF_8)).print(report);
        printed.toString(UTF_8).lines().forEach(this::println);
    }

    void println(String line) {
        ConsoleLines.fit(line).forEach(out::println);
        out.flush();
    }
}
