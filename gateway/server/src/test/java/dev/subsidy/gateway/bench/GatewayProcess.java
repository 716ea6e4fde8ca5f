package dev.subsidy.gateway.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.awaitility.Awaitility;

/**
 * The real gateway as a child process (its own heap, {@code -Xmx} as asked, so its peak heap is its own), on the
 * loopback, with a temporary {@code gateway.home}; and the HTTP calls the bench makes to it with the admin token.
 * While it runs, a watcher reads the heap in use every 250 ms and keeps the most it saw.
 *
 * <p>The process's JVM is read over JMX on the loopback (its memory, compilation and collector beans), not from
 * {@code /actuator/prometheus}: a scrape four times a second was work the gateway did for the bench, and the code it
 * ran (the Prometheus writer, every thread's state, metric tags) was what the JIT compilers were still compiling
 * during the feeds, half a core of the machine the ingest is measured on.
 */
final class GatewayProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "bench-admin-token";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Jvm jvm;
    private final ScheduledExecutorService heapWatcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-heap-watcher");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param datasourceUrl a PostgreSQL URL, or null for the embedded SQLite under {@code home}
     * @param awardUrl the award intake figures are pushed to
     */
    GatewayProcess(Path home, String xmx, String datasourceUrl, String awardUrl) throws IOException {
        this.home = home;
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        int jmxPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false", "-cp", System.getProperty("java.class.path"), "dev.subsidy.gateway.GatewayApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--gateway.home=" + home,
                "--gateway.jurisdiction.name=从江县", "--gateway.jurisdiction.regions=522633",
                "--gateway.security.admin-token=" + ADMIN_TOKEN, "--gateway.award.url=" + awardUrl,
                "--gateway.award.secret=bench-award-secret", "--gateway.connectors.tick=200ms",
                "--logging.level.root=WARN"));
        // extra JVM options for the gateway, e.g. a JFR recording: -Dbench.gateway.jvm="-XX:StartFlightRecording=..."
        String extra = System.getProperty("bench.gateway.jvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        if (datasourceUrl != null) {
            command.add("--spring.datasource.url=" + datasourceUrl);
        }
        log = home.resolve("gateway.log");
        Files.createDirectories(home);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady();
        jvm = connectJmx(jmxPort);
        heapWatcher.scheduleWithFixedDelay(this::sampleHeap, 0, 250, TimeUnit.MILLISECONDS);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Path home() {
        return home;
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** The heap in use now, after a full collection asked of the gateway, and the peak counted afresh from here. */
    long settledHeapBytes() throws IOException {
        jvm.memory().gc();
        long used = heapUsed();
        peakHeap.set(used);
        return used;
    }

    Path log() {
        return log;
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The reply's body when the status is the one expected; otherwise an error naming the call and the reply. */
    String expect(int status, String method, String path, String contentType, byte[] body) throws IOException,
            InterruptedException {
        HttpResponse<String> reply = send(method, path, contentType, body);
        if (reply.statusCode() != status) {
            String text = reply.body().length() > 300 ? reply.body().substring(0, 300) + "…" : reply.body();
            throw new IllegalStateException(method + " " + path + " answered " + reply.statusCode() + ": " + text);
        }
        return reply.body();
    }

    private void awaitReady() {
        try {
            Awaitility.await("the gateway ready on " + base).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the gateway exited with " + process.exitValue()
                                    + " while starting; see " + log);
                        }
                        return send("GET", "/actuator/health/readiness", null, null).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private long heapUsed() throws IOException {
        return jvm.memory().getHeapMemoryUsage().getUsed();
    }

    /**
     * What the gateway's JVM has spent so far compiling (its JIT compilers' time, summed over their threads) and
     * collecting garbage, in seconds: a step's share of each says how much of the machine went to neither the intake
     * nor the database.
     */
    JvmTimes jvmTimes() throws IOException {
        long collecting = 0;
        for (GarbageCollectorMXBean collector : jvm.collectors()) {
            collecting += Math.max(0, collector.getCollectionTime());
        }
        return new JvmTimes(jvm.compilation().getTotalCompilationTime() / 1000.0, collecting / 1000.0);
    }

    /** Seconds the JVM spent compiling and collecting, from its start. */
    record JvmTimes(double compiling, double collecting) {

        JvmTimes minus(JvmTimes before) {
            return new JvmTimes(compiling - before.compiling, collecting - before.collecting);
        }
    }

    /** The gateway JVM's own beans, read over JMX. */
    private record Jvm(JMXConnector connector, MemoryMXBean memory, CompilationMXBean compilation,
                       List<GarbageCollectorMXBean> collectors) {}

    private Jvm connectJmx(int port) throws IOException {
        try {
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(
                    "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
            MBeanServerConnection beans = connector.getMBeanServerConnection();
            List<GarbageCollectorMXBean> collectors = new ArrayList<>();
            for (ObjectName name : beans.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE
                    + ",*"), null)) {
                collectors.add(ManagementFactory.newPlatformMXBeanProxy(beans, name.toString(),
                        GarbageCollectorMXBean.class));
            }
            return new Jvm(connector, ManagementFactory.newPlatformMXBeanProxy(beans,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class),
                    ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.COMPILATION_MXBEAN_NAME,
                            CompilationMXBean.class), collectors);
        } catch (IOException | javax.management.MalformedObjectNameException | RuntimeException e) {
            stop();
            throw new IOException("cannot read the gateway's JVM over JMX on port " + port + ": " + e, e);
        }
    }

    private void sampleHeap() {
        try {
            peakHeap.accumulateAndGet(heapUsed(), Math::max);
        } catch (IOException | RuntimeException e) {
            // a scrape that fails while the gateway is busy or stopping is just a missed sample
        }
    }

    @Override
    public void close() {
        heapWatcher.shutdownNow();
        try {
            jvm.connector().close();
        } catch (IOException e) {
            // the process stops next: its end closes what is left
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
