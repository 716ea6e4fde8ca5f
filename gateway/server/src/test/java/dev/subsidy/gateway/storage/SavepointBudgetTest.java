package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SavepointBudgetTest {

    @TempDir
    Path folder;

    @Test
    void aTransactionTakesABoundedNumberAndTheNextStartsAfresh() {
        try (HikariDataSource db = SqliteDataSources.create(folder.resolve("budget.db"))) {
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
            for (int transaction = 0; transaction < 2; transaction++) {
                List<Boolean> taken = tx.execute(s -> {
                    List<Boolean> answers = new ArrayList<>();
                    for (int i = 0; i < SavepointBudget.PER_TRANSACTION + 3; i++) {
                        answers.add(SavepointBudget.take());
                    }
                    return answers;
                });
                assertThat(taken.subList(0, SavepointBudget.PER_TRANSACTION)).containsOnly(true);
                assertThat(taken.subList(SavepointBudget.PER_TRANSACTION, taken.size())).containsOnly(false);
            }
        }
    }
}
