package dev.subsidy.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints hold exactly the position, and one that does not fit the settings is refused, not guessed at. */
class CheckpointCodecTest {

    private final CheckpointCodec windowedPages = new CheckpointCodec(PagingSpec.Mode.PAGE_NUMBER, true);

    @Test
    void aHalfReadWindowRoundTrips() throws Exception {
        Position p = new Position(Optional.of(Instant.parse("2026-03-01T00:00:00Z")),
                Optional.of(new Window(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:30:00Z"))),
                Optional.of(PageState.page(4, 0)));

        Checkpoint c = windowedPages.encode(p);

        assertThat(c.asMap()).containsExactly(Map.entry("page", "4"), Map.entry("synced_until", "2026-03-01T00:00:00Z"),
                Map.entry("window_end", "2026-03-01T00:30:00Z"), Map.entry("window_start", "2026-03-01T00:00:00Z"));
        assertThat(windowedPages.decode(c)).isEqualTo(p);
    }

    @Test
    void theEndOfAListKeepsItsPageAndWhatWasDelivered() throws Exception {
        CheckpointCodec cursors = new CheckpointCodec(PagingSpec.Mode.CURSOR, false);
        Position p = new Position(Optional.empty(), Optional.empty(), Optional.of(PageState.cursor("eyJpZCI6OX0", 2)));

        assertThat(cursors.decode(cursors.encode(p))).isEqualTo(p);
        assertThat(cursors.encode(p)).isEqualTo(Checkpoint.of(Map.of("cursor", "eyJpZCI6OX0", "skip", "2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"offset=40", "window_start=2026-03-01T00:00:00Z", "page=-1", "page=three",
            "synced_until=yesterday", "colour=blue", "page=2"})
    void aCheckpointThatDoesNotFitIsAConfigurationError(String entry) {
        String[] kv = entry.split("=", 2);
        ConnectorException e = catchThrowableOfType(() -> windowedPages.decode(Checkpoint.of(kv[0], kv[1])), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("checkpoint does not fit");
    }

    @Test
    void aCursorTooLongForACheckpointIsABadPayload() {
        CheckpointCodec cursors = new CheckpointCodec(PagingSpec.Mode.CURSOR, false);
        Position p = new Position(Optional.empty(), Optional.empty(), Optional.of(PageState.cursor("x".repeat(5000), 0)));

        assertThat(catchThrowableOfType(() -> cursors.encode(p), ConnectorException.class).reason())
                .isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
    }
}
