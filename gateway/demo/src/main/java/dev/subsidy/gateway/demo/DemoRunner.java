package dev.subsidy.gateway.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the demo once the gateway is up, prints the summary and stops the gateway: exit code 0 when
 * every check passed, 1 when one failed, 2 when the demo could not run at all. An integration test
 * turns it off ({@code demo.run-on-startup=false}) and drives {@link DemoFlow} itself.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "demo.run-on-startup", havingValue = "true", matchIfMissing = true)
class DemoRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoFlow flow;
    private final ConfigurableApplicationContext context;

    DemoRunner(DemoFlow flow, ConfigurableApplicationContext context) {
        this.flow = flow;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        // explicitly UTF-8: the platform charset of a CI box or a Windows console must not garble 从江县
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        DemoConsole console = new DemoConsole(out);
        int code;
        try {
            DemoReport report = flow.run(console::progress);
            console.summary(report);
            code = report.passed() ? 0 : 1;
        } catch (RuntimeException e) {
            log.error("the demo could not run to the end", e);
            console.println("DEMO FAILED: " + e.getMessage() + " (the stack trace is in the gateway's log, "
                    + DemoLog.FILE + ")");
            code = 2;
        }
        out.flush();
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
