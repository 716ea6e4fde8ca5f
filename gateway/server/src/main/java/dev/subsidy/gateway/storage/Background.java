package dev.subsidy.gateway.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The helper threads a period close runs beside its transaction (its paid orders read, its figures
 * computed): one each, since closes take turns, and daemons, so that none keeps a stopping gateway alive.
 * What one hands back is taken with {@link dev.subsidy.verification.SecondCore#joined}.
 */
public final class Background {

    private Background() {}

    /** One named daemon thread; whoever holds it shuts it down with the gateway. */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }
}
