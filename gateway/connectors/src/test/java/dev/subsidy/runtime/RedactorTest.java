package dev.subsidy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConnectorException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("s3cr3t", "s3cr3t-longer", ""));

    @Test
    void masksEverySecretInTheMessageAndItsCauses() {
        Exception failure = new ConnectorException(ConnectorException.Reason.UNAUTHORIZED, "key s3cr3t-longer refused",
                new IOException("sent s3cr3t twice: s3cr3t"));
        assertThat(redactor.describe(failure))
                .isEqualTo("UNAUTHORIZED: key **** refused; caused by IOException: sent **** twice: ****");
    }

    @Test
    void aCopyForTheLogKeepsTheFramesButNotTheSecret() {
        IllegalStateException failure = new IllegalStateException("bug with s3cr3t", new RuntimeException("s3cr3t"));
        Throwable copy = redactor.copy(failure);
        assertThat(copy.getMessage()).isEqualTo("java.lang.IllegalStateException: bug with ****");
        assertThat(copy.getCause().getMessage()).isEqualTo("java.lang.RuntimeException: ****");
        assertThat(copy.getStackTrace()).isEqualTo(failure.getStackTrace());
    }
}
