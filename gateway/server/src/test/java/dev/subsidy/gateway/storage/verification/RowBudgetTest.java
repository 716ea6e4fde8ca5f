package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.storage.records.RowReader;
import dev.subsidy.verification.TooManyRecordsException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RowBudgetTest {

    @Test
    void aSmallLimitIsKeptToTheRow() throws SQLException {
        AtomicLong mapped = new AtomicLong();
        RowReader.Handler stream = new RowBudget(100).counting(row -> mapped.incrementAndGet());
        for (int i = 0; i < 100; i++) {
            stream.row(null);
        }
        assertThat(mapped).hasValue(100);

        assertThatThrownBy(() -> stream.row(null)).isInstanceOf(TooManyRecordsException.class)
                .hasMessage("more than 100 records to read")
                .satisfies(e -> assertThat(((TooManyRecordsException) e).limit()).isEqualTo(100));
        assertThat(mapped).as("the row past the limit is not mapped").hasValue(100);
    }

    @Test
    void twoStreamsTogetherStopNeverPastTheLimitAndOnlyALittleBeforeIt() throws SQLException {
        long limit = 1_000_000;
        RowBudget budget = new RowBudget(limit);
        AtomicLong mapped = new AtomicLong();
        RowReader.Handler shipments = budget.counting(row -> mapped.incrementAndGet());
        RowReader.Handler orders = budget.counting(row -> mapped.incrementAndGet());
        boolean refused = false;
        while (!refused) {
            try {
                // unevenly: the shipments are read faster than the orders beside them
                shipments.row(null);
                shipments.row(null);
                shipments.row(null);
                orders.row(null);
            } catch (TooManyRecordsException e) {
                refused = true;
            }
        }
        assertThat(mapped.get()).isLessThanOrEqualTo(limit).isGreaterThan(limit - 2 * 1024);
    }

    @Test
    void noRoomRefusesTheFirstRow() {
        assertThatThrownBy(() -> new RowBudget(0).counting(row -> { }).row(null))
                .isInstanceOf(TooManyRecordsException.class);
        assertThatThrownBy(() -> new RowBudget(-5).counting(row -> { }).row(null))
                .isInstanceOf(TooManyRecordsException.class).hasMessage("more than 0 records to read");
    }
}
