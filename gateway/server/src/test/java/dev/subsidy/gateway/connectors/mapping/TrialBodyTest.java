package dev.subsidy.gateway.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.UnreadableBodyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialBodyTest {

    @Test
    void oneObjectIsOneRecordWithItsTextAsWrittenSoLongNumbersStayWhole() {
        String record = "{\"tid\": 3719284756102942123, \"payment\": 200.10}";

        List<SourceRecord> records = TrialBody.records("  " + record + "\n");

        assertThat(records).singleElement().isInstanceOfSatisfying(SourceRecord.Json.class, j -> {
            assertThat(j.json()).isEqualTo(record);
            assertThat(j.position()).isEqualTo("item 1");
        });
    }

    @Test
    void anArrayGivesEachElementInOrderAndAnElementThatIsNoObjectIsUnreadableWithItsReason() {
        List<SourceRecord> records = TrialBody.records("[{\"a\": [1, {\"b\": 2}]}, [3], \"x\", {}]");

        assertThat(records).extracting(SourceRecord::position).containsExactly("item 1", "item 2", "item 3", "item 4");
        assertThat(((SourceRecord.Json) records.get(0)).json()).isEqualTo("{\"a\": [1, {\"b\": 2}]}");
        assertThat(records.get(1)).isInstanceOfSatisfying(SourceRecord.Unreadable.class,
                u -> assertThat(u.reason()).isEqualTo("record is not a JSON object"));
        assertThat(records.get(2)).isInstanceOf(SourceRecord.Unreadable.class);
        assertThat(((SourceRecord.Json) records.get(3)).json()).isEqualTo("{}");
    }

    @Test
    void aBodyThatIsNotOneRecordOrAnArrayOfThemIsRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> TrialBody.records("{\"a\": 1,\n \"b\" 2}")).isInstanceOf(UnreadableBodyException.class)
                .hasMessageStartingWith("body is not valid JSON at line 2, column ");
        assertThatThrownBy(() -> TrialBody.records("{} {}")).hasMessage("body has content after its end");
        assertThatThrownBy(() -> TrialBody.records("[{}")).hasMessageStartingWith("body is not valid JSON at line 1, column ")
                .hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> TrialBody.records("12")).hasMessageContaining("neither a record");
        assertThatThrownBy(() -> TrialBody.records("")).hasMessageStartingWith("body is empty");
        assertThatThrownBy(() -> TrialBody.records("[" + "{},".repeat(TrialBody.MAX_RECORDS) + "{}]"))
                .hasMessageContaining("at most " + TrialBody.MAX_RECORDS + " records");
    }
}
