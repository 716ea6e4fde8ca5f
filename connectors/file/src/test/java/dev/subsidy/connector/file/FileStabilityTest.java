package dev.subsidy.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.file.FileStability.State;
import dev.subsidy.connector.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStabilityTest {

    private static final Duration QUIET = Duration.ofSeconds(10);

    @TempDir
    Path inbox;

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T01:00:00Z"));
    private final FileStability stability = new FileStability(QUIET, clock);

    /** Writes (or appends) and stamps the file with the test clock's time, as a writer at that time would. */
    private Path write(String name, String text, boolean append) throws Exception {
        Path file = inbox.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return file;
    }

    @Test
    void aGrowingFileIsNeverReady() throws Exception {
        Path file = write("export.csv", "运单号,目的地\n", false);
        assertThat(stability.check(file).state()).isEqualTo(State.WAITING);

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(8));
            write("export.csv", "73123456789012" + i + ",440106\n", true);
            assertThat(stability.check(file).state()).as("after append %d", i).isEqualTo(State.WAITING);
        }

        clock.advance(Duration.ofSeconds(9));
        assertThat(stability.isReady(file)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stability.check(file).state()).isEqualTo(State.READY);
    }

    @Test
    void aFileIsReadyOneQuietPeriodAfterItIsFirstSeenUnchanged() throws Exception {
        Path file = write("export.csv", "运单号\n1\n", false);
        clock.advance(Duration.ofHours(1));

        // an old file seen for the first time: the gateway may just have started while it was copied
        assertThat(stability.check(file).state()).isEqualTo(State.WAITING);
        clock.advance(QUIET);
        assertThat(stability.check(file).ready()).isTrue();
    }

    @Test
    void aTouchedFileOfTheSameSizeWaitsAgain() throws Exception {
        Path file = write("export.csv", "运单号\n1\n", false);
        stability.check(file);
        clock.advance(QUIET);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));

        assertThat(stability.check(file).state()).isEqualTo(State.WAITING);
    }

    @Test
    void aFileStampedInTheFutureWaitsUntilItsTimeIsOldEnough() throws Exception {
        Path file = write("export.csv", "运单号\n1\n", false);
        // a writer whose clock runs ahead of ours, or a tool stamping the time it will finish
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plus(Duration.ofMinutes(1))));
        stability.check(file);
        clock.advance(QUIET);

        assertThat(stability.check(file)).satisfies(v -> {
            assertThat(v.state()).isEqualTo(State.WAITING);
            assertThat(v.reason()).startsWith("modified within");
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(stability.check(file).ready()).isTrue();
    }

    @Test
    void partialTemporaryHiddenAndMissingFilesAreIgnored() throws Exception {
        for (String name : new String[] {"export.csv.part", "export.xlsx.tmp", ".export.csv", "~$export.xlsx"}) {
            Path file = write(name, "x", false);
            clock.advance(Duration.ofHours(1));
            stability.check(file);
            clock.advance(Duration.ofHours(1));
            assertThat(stability.check(file).state()).as(name).isEqualTo(State.IGNORED);
        }
        assertThat(stability.check(inbox.resolve("gone.csv")).reason()).isEqualTo("gone");
        Path folder = Files.createDirectory(inbox.resolve("done.csv"));
        assertThat(stability.check(folder).state()).isEqualTo(State.IGNORED);
    }

    @Test
    void aForgottenFileStartsOver() throws Exception {
        Path file = write("export.csv", "运单号\n1\n", false);
        stability.check(file);
        clock.advance(QUIET);
        assertThat(stability.isReady(file)).isTrue();

        stability.forget(file);

        assertThat(stability.check(file).state()).isEqualTo(State.WAITING);
    }
}
