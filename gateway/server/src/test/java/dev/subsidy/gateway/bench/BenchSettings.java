package dev.subsidy.gateway.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bench's settings, from system properties, checked before anything runs.
 *
 * @param records standard records posted as NDJSON, parsed and bulk-loaded ({@code bench.records})
 * @param bodySize records per body and per inbox file ({@code bench.body})
 * @param databases {@code sqlite}, {@code postgres} or both ({@code bench.db})
 * @param xmx the gateway process's -Xmx ({@code bench.xmx})
 * @param naiveRecords records through the naive Camel route, which is slow ({@code bench.naive.records}; a tenth of
 *     {@code records}, at most 100,000, by default), in whole bodies
 * @param shops shops, one merchant each: a merchant's orders alone make four figures (net sales, orders,
 *     agricultural sales, B2C sales), so {@code bench.figures / 4} of them make about that many at close
 *     ({@code bench.shops} overrides)
 * @param ordersInTen orders among every ten records, the rest shipments ({@code bench.orders}, 0 by default: the
 *     issue's workload is shipments); a close holds its orders whole, its parcels only where it can
 *     ({@code docs/operations.md} "Closing a large period")
 * @param shopOrders orders of every shop, posted as NDJSON bodies of their own after the other feeds so that the
 *     close has figures to push ({@code bench.shop.orders}, 2 by default; 0 for none): a month of shipments alone
 *     yields one figure
 * @param variantRecords records posted as a JSON array, as CSV, and dropped into the inbox, each
 *     ({@code bench.variant.records}; a tenth of {@code records} by default)
 * @param clients client threads posting bodies ({@code bench.clients})
 * @param gateway whether to run the gateway end to end ({@code bench.gateway}; the test of the machinery runs without)
 * @param largeXmx the -Xmx of the gateway that takes one body of 64 MiB ({@code bench.large.xmx})
 * @param out the Markdown file the table is written to ({@code bench.out})
 */
record BenchSettings(long records, int bodySize, List<String> databases, String xmx, long naiveRecords, int shops,
                     int ordersInTen, int shopOrders, long variantRecords, int clients, boolean gateway, String largeXmx, Path out) {

    /** The figures a merchant's B2C orders of agricultural goods make: net sales, orders, the category, B2C. */
    static final int MERCHANT_METRICS = 4;
    private static final String HEAP_SIZE = "[0-9]+[kKmMgG]?";

    BenchSettings {
        if (records < 1 || bodySize < 1 || naiveRecords < 1 || shops < 1 || variantRecords < 1) {
            throw new IllegalArgumentException("bench: records, body, naive records, shops and variant records must "
                    + "be positive");
        }
        if (shopOrders < 0 || shopOrders > 100) {
            throw new IllegalArgumentException("bench.shop.orders: 0 to 100 orders a shop, got " + shopOrders);
        }
        if (clients < 1 || clients > 16) {
            throw new IllegalArgumentException("bench.clients: 1 to 16, got " + clients);
        }
        for (String db : databases) {
            if (!db.equals("sqlite") && !db.equals("postgres")) {
                throw new IllegalArgumentException("bench.db: sqlite, postgres or both, got " + db);
            }
        }
        if (!xmx.matches(HEAP_SIZE)) {
            throw new IllegalArgumentException("bench.xmx: a heap size such as 1g or 512m, got " + xmx);
        }
        if (!largeXmx.matches(HEAP_SIZE)) {
            throw new IllegalArgumentException("bench.large.xmx: a heap size such as 1g or 512m, got " + largeXmx);
        }
        naiveRecords = Math.min(naiveRecords, records);
    }

    static BenchSettings fromSystemProperties() {
        long records = Long.getLong("bench.records", 1_000_000);
        String db = System.getProperty("bench.db", "both").trim().toLowerCase(Locale.ROOT);
        List<String> databases = db.equals("both") ? List.of("sqlite", "postgres")
                : Arrays.stream(db.split(",")).map(String::trim).toList();
        int figures = Integer.getInteger("bench.figures", 100_000);
        return new BenchSettings(records, Integer.getInteger("bench.body", 10_000), databases,
                System.getProperty("bench.xmx", "1g"),
                Long.getLong("bench.naive.records", Math.min(100_000, Math.max(1, records / 10))),
                Integer.getInteger("bench.shops", Math.max(1, figures / MERCHANT_METRICS)),
                Integer.getInteger("bench.orders", 0), Integer.getInteger("bench.shop.orders", 2),
                Long.getLong("bench.variant.records", Math.max(1, records / 10)),
                Integer.getInteger("bench.clients", 2), Boolean.parseBoolean(System.getProperty("bench.gateway", "true")),
                System.getProperty("bench.large.xmx", "320m").trim(),
                Path.of(System.getProperty("bench.out", "target/ingest-bench.md")));
    }

    /** How many orders the shops' own bodies hold. */
    long shopOrderRecords() {
        return (long) shops * shopOrders;
    }

    static String label(String db) {
        return db.equals("sqlite") ? "SQLite" : "PostgreSQL";
    }
}
