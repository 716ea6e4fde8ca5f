package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A shutdown does not wait for a checkpoint of a huge log: it interrupts it. The checkpoint here stands in for
 * SQLite copying gigabytes: it ignores thread interrupts, as native code does, and returns only when the statement
 * is cancelled, as {@code sqlite3_interrupt} makes a real one do between two pages.
 */
class WalCheckpointerTest {

    private final CountDownLatch checkpointing = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicBoolean connectionClosed = new AtomicBoolean();

    @Test
    void aShutdownInterruptsARunningCheckpointAndClosesItsConnection() throws Exception {
        WalCheckpointer checkpointer = new WalCheckpointer(database(), new ReentrantLock(true), 1_000);
        assertThat(checkpointing.await(10, TimeUnit.SECONDS)).as("a checkpoint started").isTrue();

        long started = System.nanoTime();
        checkpointer.close();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(cancelled.getCount()).as("the running checkpoint was cancelled").isZero();
        assertThat(connectionClosed).as("its connection was closed once it returned").isTrue();
        // the grace period, and not the checkpoint (which never ends on its own here)
        assertThat(tookMs).isGreaterThanOrEqualTo(WalCheckpointer.SHUTDOWN_GRACE_MS - 100).isLessThan(8_000);
    }

    private DataSource database() {
        Statement statement = proxy(Statement.class, (method, args) -> switch (method) {
            case "executeQuery" -> {
                checkpointing.countDown();
                while (true) {
                    try {
                        if (cancelled.await(1, TimeUnit.SECONDS)) {
                            throw new SQLException("[SQLITE_INTERRUPT] Operation terminated by sqlite3_interrupt()");
                        }
                    } catch (InterruptedException ignored) {
                        // native code does not see a thread's interrupt
                    }
                }
            }
            case "cancel" -> {
                cancelled.countDown();
                yield null;
            }
            default -> null;
        });
        Connection connection = proxy(Connection.class, (method, args) -> switch (method) {
            case "createStatement" -> statement;
            case "close" -> {
                connectionClosed.set(true);
                yield null;
            }
            default -> null;
        });
        return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(WalCheckpointerTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
