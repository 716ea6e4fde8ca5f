package dev.subsidy.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.storage.delivery.JdbcOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A close's queue of batches, their bodies made on two threads a few at a time: stored in the items' order, each
 * batch with its own items, however many groups of bodies they take.
 */
class OutboxBatchesTest {

    @TempDir
    Path folder;

    @Test
    void batchesMadeOnTwoThreadsAreStoredInTheItemsOrder() throws Exception {
        OutboxDatabase db = OutboxDatabase.migrated(folder);
        DeliveryProperties twoPerBatch = new DeliveryProperties(null, "s3cret-for-tests", 2, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60));
        JdbcOutbox outbox = new JdbcOutbox(db.jdbc(), OutboxDatabase.JSON, OutboxDatabase.jurisdiction(), twoPerBatch,
                Clock.systemUTC(), OutboxDatabase.CORES);

        // 75 items: 38 batches, past two groups of bodies made at once, the last batch of one
        db.enqueue(outbox, DeliveryKind.FIGURES, 75);

        List<Map<String, Object>> rows = db.jdbc().queryForList("SELECT id, items, body FROM delivery ORDER BY rowid");
        assertThat(rows).hasSize(38);
        List<String> figureIds = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            JsonNode body = OutboxDatabase.JSON.readTree((String) row.get("body"));
            assertThat(body.get("batchId").asText()).isEqualTo(row.get("id"));
            assertThat(body.get("figures")).hasSize(((Number) row.get("items")).intValue());
            body.get("figures").forEach(f -> figureIds.add(f.get("figureId").asText()));
        }
        assertThat(rows.get(37).get("items")).isEqualTo(1);
        assertThat(figureIds).hasSize(75).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 75).mapToObj(i -> "fig-" + i).toList());
    }
}
