package dev.subsidy.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsAndCheckpointsTest {

    @Test
    void checkpointsAreImmutableOrderedValues() {
        Checkpoint a = Checkpoint.of("window_end", "2026-03-01T10:30:00+08:00").with("page", "3");
        Checkpoint b = Checkpoint.of(Map.of("page", "3", "window_end", "2026-03-01T10:30:00+08:00"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.asMap().keySet()).containsExactly("page", "window_end");
        assertThat(a.with("page", "2").get("page")).contains("2");
        assertThat(a.get("page")).contains("3");
        assertThat(a.without("page").without("window_end")).isSameAs(Checkpoint.NONE);
        assertThatThrownBy(() -> a.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkpointsStaySmall() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Checkpoint.MAX_ENTRIES; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Checkpoint.of(many)).hasMessageContaining("at most 32 entries");
        assertThatThrownBy(() -> Checkpoint.of("cursor", "x".repeat(5000))).hasMessageContaining("at most 4096 characters");
        assertThatThrownBy(() -> Checkpoint.of(" ", "v")).hasMessageContaining("blank");
    }

    @Test
    void aBatchCopiesItsRecordsAndKeepsTheirPositions() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("运单号", "SF1234567890123");
        row.put("重量", null);
        List<SourceRecord> records = new java.util.ArrayList<>(List.of(
                SourceRecord.json("page 1, item 0", "{\"billCode\":\"73100000000001\"}"),
                SourceRecord.fields("row 2", row),
                SourceRecord.unreadable("row 3", "7 columns, header has 9", "a,b,c")));

        RecordBatch batch = RecordBatch.more(records, Checkpoint.of("page", "2"));
        records.clear();
        row.put("运单号", "changed");

        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.hasMore()).isTrue();
        assertThat(batch.records()).extracting(SourceRecord::position).containsExactly("page 1, item 0", "row 2", "row 3");
        assertThat(((SourceRecord.Fields) batch.records().get(1)).fields()).containsEntry("运单号", "SF1234567890123").containsEntry("重量", null);
        assertThat(RecordBatch.nothingNew(Checkpoint.NONE)).satisfies(b -> {
            assertThat(b.isEmpty()).isTrue();
            assertThat(b.hasMore()).isFalse();
        });
        assertThatThrownBy(() -> SourceRecord.json(" ", "{}")).hasMessageContaining("position");
    }

    @Test
    void repliesReadRetryAfterInBothForms() {
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
        HttpReply seconds = new HttpReply(429, Map.of("retry-after", List.of("120")), new byte[0]);
        HttpReply date = new HttpReply(503, Map.of("Retry-After", List.of("Sun, 01 Mar 2026 02:00:30 GMT")), new byte[0]);

        assertThat(seconds.retryAfter(now)).contains(Duration.ofMinutes(2));
        assertThat(date.retryAfter(now)).contains(Duration.ofSeconds(30));
        assertThat(new HttpReply(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)).retryAfter(now)).isEmpty();
    }

    @Test
    void requestsAndCallsDoNotPrintWhatTheyCarry() {
        PushRequest push = new PushRequest("application/json", Map.of("x-dataDigest", List.of("abc==")), Map.of(),
                "{\"phone\":\"13800000000\"}".getBytes(StandardCharsets.UTF_8));
        SignableRequest signable = SignableRequest.builder().param("app_key", "k").secret("topsecret").build();

        assertThat(push.header("X-DATADIGEST")).contains("abc==");
        assertThat(push.toString()).doesNotContain("abc==").doesNotContain("13800000000");
        assertThat(signable.toString()).doesNotContain("topsecret");
        assertThat(HttpCall.get(java.net.URI.create("https://gw.example.com/router?access_token=t0k3n")).toString()).doesNotContain("t0k3n");
        assertThat(new ConnectorException(ConnectorException.Reason.RATE_LIMITED, "S221").isRetryable()).isTrue();
    }
}
