package dev.subsidy.gateway.demo;

/**
 * Where the gateway logs during the demo (application-demo.yml): a file, so the WARN lines of the
 * intended refusals (a forged signature, a file with bad rows) do not read as failures on the console.
 */
final class DemoLog {

    /** As {@code logging.file.name} of application-demo.yml sets it, relative to the repository root. */
    static final String FILE = "data/demo/gateway.log";

    private DemoLog() {
    }
}
