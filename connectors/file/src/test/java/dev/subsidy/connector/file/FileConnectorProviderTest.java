package dev.subsidy.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.FileConnector;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FileConnectorProviderTest {

    @Test
    void isFoundByServiceLoaderAsFile() {
        List<ConnectorProvider> file = ServiceLoader.load(ConnectorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("file")).toList();

        assertThat(file).hasSize(1);
        assertThat(file.get(0).kind()).isEqualTo(ConnectorKind.FILE);
        assertThat(file.get(0).create()).isInstanceOf(FileConnector.class);
    }

    @Test
    void validationReturnsEveryProblemAtOnce() {
        List<ConfigProblem> problems = new FileConnectorProvider().validate(Map.of(
                "format", "pdf", "header_row", "0", "encoding", "latin1", "quiet_period", "soon", "colour", "red"));

        assertThat(problems).extracting(ConfigProblem::setting)
                .containsExactlyInAnyOrder("format", "header_row", "encoding", "quiet_period", "colour");
        assertThat(new FileConnectorProvider().validate(Map.of())).isEmpty();
    }

    @Test
    void acceptsSpreadsheetsAndNeverFilesStillBeingWritten() throws Exception {
        FileConnector auto = (FileConnector) new FileConnectorProvider().create();
        auto.start(TestContext.of(Map.of()));

        assertThat(auto.accepts("从江网点2026-03.csv")).isTrue();
        assertThat(auto.accepts("export.XLSX")).isTrue();
        assertThat(auto.accepts("export.txt")).isTrue();
        assertThat(auto.accepts("export.pdf")).isFalse();
        assertThat(auto.accepts("export.csv.part")).isFalse();
        assertThat(auto.accepts("export.csv.tmp")).isFalse();
        assertThat(auto.accepts(".export.csv")).isFalse();
        assertThat(auto.accepts("~$export.xlsx")).isFalse();

        FileConnector csv = (FileConnector) new FileConnectorProvider().create();
        csv.start(TestContext.of(Map.of("format", "csv")));
        assertThat(csv.accepts("export.dat")).isTrue();
        assertThat(csv.accepts("export.dat.part")).isFalse();
    }
}
