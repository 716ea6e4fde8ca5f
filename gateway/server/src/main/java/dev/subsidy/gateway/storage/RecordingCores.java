package dev.subsidy.gateway.storage;

import dev.subsidy.verification.SecondCore;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import org.springframework.stereotype.Component;

/**
 * The thread a close's recording makes its JSON on beside the close's own: the figures' evidence, their pages of keys
 * and the batches queued for the award system are text made from what the close computed, and only writing them
 * needs the transaction's connection. Half of recording a close's figures was that text, made on one thread while
 * the other core waited (docs/operations.md "Database").
 */
@Component
public class RecordingCores {

    private final ExecutorService helper = Background.thread("close-recording");
    private final SecondCore cores = new SecondCore(helper);

    public SecondCore cores() {
        return cores;
    }

    @PreDestroy
    void stop() {
        helper.shutdownNow();
    }
}
