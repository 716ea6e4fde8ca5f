package dev.subsidy.gateway.demo;

import dev.subsidy.simulators.award.AwardIntakeSimulator;
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
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Prepares a demo run before any of the gateway's beans exist, because the gateway binds
 * {@code gateway.award.url}, the tokens and {@code gateway.home} once, when it creates them: makes a
 * fresh run folder, makes up the tokens and the award secret, starts the {@link AwardIntakeSimulator}
 * on a free loopback port, and puts all of it in front of every other property source. A bean
 * factory post-processor is the earliest hook that needs no {@code spring.factories} entry; it runs
 * before the placeholder configurer and long before any configuration properties are bound.
 */
@Component
@Profile("demo")
class DemoInitializer implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    /** Where run folders go; each run gets its own {@code run-<timestamp>} below it. */
    static final String RUNS_FOLDER = "demo.runs-folder";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Path runs = Path.of(environment.getProperty(RUNS_FOLDER, "./data/demo"));
        DemoRun run = DemoRun.create(newRunFolder(runs, LocalDateTime.now(Clock.systemDefaultZone())),
                new SecureRandom());
        AwardIntakeSimulator intake = AwardIntakeSimulator.start(run.awardSecret(), Clock.systemUTC());
        environment.getPropertySources().addFirst(new MapPropertySource("demo-run", Map.of(
                "gateway.home", run.home().toString(),
                "gateway.security.admin-token", run.adminToken(),
                "gateway.security.reader-token", run.readerToken(),
                "gateway.security.feeder-tokens.standard", run.feederToken(),
                "gateway.award.url", intake.baseUrl().toString(),
                "gateway.award.secret", run.awardSecret())));
        beanFactory.registerSingleton("demoRun", run);
        beanFactory.registerSingleton("simulatedAwardIntake", intake);
        if (beanFactory instanceof DefaultListableBeanFactory registry) {
            registry.registerDisposableBean("simulatedAwardIntake", intake::close);
        }
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
