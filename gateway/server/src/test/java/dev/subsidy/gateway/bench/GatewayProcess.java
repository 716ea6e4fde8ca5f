package dev.subsidy.gateway.bench;

import java.io.IOException;
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
import org.awaitility.Awaitility;

/**
 * The real gateway as a child process (its own heap, {@code -Xmx} as asked, so its peak heap is its own), on the
 * loopback, with a temporary {@code gateway.home}; and the HTTP calls the bench makes to it with the admin token.
 * While it runs, a watcher reads {@code jvm_memory_used_bytes} of the heap from {@code /actuator/prometheus} and
 * keeps the most it saw.
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), "dev.subsidy.gateway.GatewayApplication",
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
    long settledHeapBytes() throws IOException, InterruptedException {
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
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

    private long heapUsed() throws IOException, InterruptedException {
        long used = 0;
        for (String line : send("GET", "/actuator/prometheus", null, null).body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    private void sampleHeap() {
        try {
            peakHeap.accumulateAndGet(heapUsed(), Math::max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // a scrape that fails while the gateway is busy or stopping is just a missed sample
        }
    }

    @Override
    public void close() {
        heapWatcher.shutdownNow();
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
