package dev.subsidy.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Prepares a demo run before the application context refreshes, because the gateway binds
 * {@code gateway.award.url}, the tokens and {@code gateway.home} once at startup: it makes a fresh
 * run folder, makes up the tokens and the award secret, starts the {@link SimulatedAwardIntake} on a
 * free loopback port, and puts all of it in front of every other property source. Named in
 * {@code application-demo.yml} ({@code context.initializer.classes}), so it only ever runs with the
 * {@code demo} profile.
 */
public class DemoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Where run folders go; each run gets its own {@code run-<timestamp>} below it. */
    static final String RUNS_FOLDER = "demo.runs-folder";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        Path runs = Path.of(environment.getProperty(RUNS_FOLDER, "./data/demo"));
        DemoRun run = DemoRun.create(newRunFolder(runs, LocalDateTime.now(Clock.systemDefaultZone())),
                new SecureRandom());
        SimulatedAwardIntake intake = SimulatedAwardIntake.start(run.awardSecret(), Clock.systemUTC());
        environment.getPropertySources().addFirst(new MapPropertySource("demo-run", Map.of(
                "gateway.home", run.home().toString(),
                "gateway.security.admin-token", run.adminToken(),
                "gateway.security.reader-token", run.readerToken(),
                "gateway.security.feeder-tokens.standard", run.feederToken(),
                "gateway.award.url", intake.baseUrl().toString(),
                "gateway.award.secret", run.awardSecret())));
        context.getBeanFactory().registerSingleton("demoRun", run);
        context.getBeanFactory().registerSingleton("simulatedAwardIntake", intake);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                intake.close();
            }
        });
    }

    /** A folder no earlier run used: existing runs are never touched, let alone wiped. */
    static Path newRunFolder(Path runs, LocalDateTime now) {
        try {
            Files.createDirectories(runs);
            String name = "run-" + STAMP.format(now);
            for (int attempt = 1; ; attempt++) {
                Path candidate = runs.resolve(attempt == 1 ? name : name + "-" + attempt);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // two runs in the same second: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a demo run folder under " + runs.toAbsolutePath(), e);
        }
    }
}
