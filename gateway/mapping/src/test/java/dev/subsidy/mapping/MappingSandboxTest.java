package dev.subsidy.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on mappings, each met by the engine: imports that reach outside, texts that overflow
 * the parser, recursion, runaway work, values and outputs that take the memory. A mapping that cannot
 * be compiled or analysed is a problem with its line and column; a record whose mapping runs over a
 * limit is rejected with the mapping's name and the limit, and the next record maps as usual.
 */
class MappingSandboxTest {

    /** Small sizes to reach quickly; time enough that only a runaway mapping meets it, even on a busy machine. */
    private static final MappingLimits LIMITS = new MappingLimits(64 * 1024, 200, 64 * 1024, Duration.ofSeconds(30));
    private static final MappingLimits TIGHT = LIMITS.withRecordTimeBudget(Duration.ofMillis(200));

    @TempDir
    Path dir;

    private static MappingCompiler.Compiled compile(String text) {
        return compile(text, MappingImports.none());
    }

    private static MappingCompiler.Compiled compile(String text, MappingImports imports) {
        return MappingCompiler.tryCompile(new MappingSource("test", "test.jslt", text), LIMITS, imports);
    }

    private static MappingProblem problem(String text) {
        return problem(text, LIMITS);
    }

    private static MappingProblem problem(String text, MappingLimits limits) {
        MappingCompiler.Compiled c = MappingCompiler.tryCompile(new MappingSource("test", "test.jslt", text), limits, MappingImports.none());
        assertThat(c.mapping()).as("compiled, but should not have: %s", text.length() > 200 ? text.substring(0, 200) : text).isNull();
        assertThat(c.problem().origin()).isEqualTo("test.jslt");
        assertThat(c.problem().line()).isPositive();
        assertThat(c.problem().column()).isPositive();
        return c.problem();
    }

    private static Mapping mapping(String text) {
        return mapping(text, LIMITS);
    }

    private static Mapping mapping(String text, MappingLimits limits) {
        MappingCompiler.Compiled c = MappingCompiler.tryCompile(new MappingSource("test", "test.jslt", text), limits, MappingImports.none());
        assertThat(c.problem()).as("problem").isNull();
        return c.mapping();
    }

    private static String rejection(MappingResult result) {
        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        return ((MappingResult.Rejected) result).reason();
    }

    // ---- imports ----

    @Test
    void anImportOfALocalFileIsRefusedWhereItIsWrittenAndTheFileIsNeverRead() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("helpers.jslt"), "def shout(x) uppercase($x)\n.");

        for (String source : List.of("file:///etc/passwd", elsewhere.toUri().toString(), elsewhere.toString(), "/etc/passwd",
                "../../../etc/passwd")) {
            MappingProblem p = problem("// helpers\n  import \"" + source + "\" as h\n{\"kind\": \"shipment\"}");

            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("import \"" + source + "\": a mapping may import only another mapping of the gateway, "
                    + "by its name (lower case letters, digits and dashes): no file, class-path resource or URL");
            // nothing of the file shows through: not its content, not whether it parses
            assertThat(p.message()).doesNotContain("root:").doesNotContain("Parse error");
        }
    }

    @Test
    void anImportOfAUrlMakesNoRequest() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "def f(x) $x  .".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/helpers.jslt";
            for (String text : List.of("import \"" + url + "\" as h\n{\"a\": h:f(.x)}",
                    // an escape in the string must not smuggle a URL past the check
                    "import \"http\\u003A//127.0.0.1:" + server.getAddress().getPort() + "/helpers.jslt\" as h\n{}",
                    "import \"http://jslt.schibsted.com/2018/experimental\" as exp\n{}")) {
                MappingProblem p = problem(text);
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.column()).isEqualTo(1);
                assertThat(p.message()).contains("no file, class-path resource or URL");
            }
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anImportOfAClassPathResourceIsRefused() {
        // both exist on this class path: the shipped copy of a mapping, and a class
        for (String resource : List.of("mappings/standard-csv.jslt", "dev/subsidy/mapping/Mapping.class", "standard-csv.jslt")) {
            MappingProblem p = problem("import \"" + resource + "\" as s\n{}");
            assertThat(p.message()).startsWith("import \"" + resource + "\": a mapping may import only another mapping");
        }
    }

    @Test
    void anImportOfAnotherMappingOfTheGatewayResolvesAndItsFunctionsServe() throws Exception {
        MappingCatalog catalog = MappingCatalog.of(List.of(
                new MappingSource("main", "main.jslt", "import \"carriers\" as c\n{\"kind\": \"shipment\", \"carrier\": c:code(.co)}"),
                new MappingSource("carriers", "carriers.jslt",
                        "def code(name) if ($name == \"中通\") \"ZTO\" else carrier-code($name)\n{\"kind\": \"none\"}")));

        MappingResult r = catalog.get("main").apply(SourceRecord.json("item 1", "{\"co\": \"中通\"}"));

        assertThat(((MappingResult.Mapped) r).records().get(0).get("carrier").asText()).isEqualTo("ZTO");
        assertThat(catalog.get("main").imports()).containsExactly("carriers");
    }

    @Test
    void anImportOfAMappingThatDoesNotCompileOrIsNotThereOrIsItselfIsRefusedByName() {
        Mapping broken = null;
        MappingImports imports = MappingImports.of(Map.of("good", mapping("def f(x) $x\n{}")));
        assertThat(broken).isNull();

        assertThat(compile("import \"good\" as g\n{\"a\": g:f(1)}", imports).mapping()).isNotNull();
        assertThat(compile("import \"gone\" as g\n{}", imports).problem().message())
                .isEqualTo("import \"gone\": there is no mapping 'gone' that compiles to import");
        assertThat(compile("import \"test\" as t\n{}", imports).problem().message())
                .isEqualTo("import \"test\": a mapping cannot import itself");
        // an imported mapping lends its functions; running it whole would escape the analysis
        MappingProblem whole = compile("import \"good\" as g\n{\"a\": g(.)}", imports).problem();
        assertThat(whole.line()).isEqualTo(2);
        assertThat(whole.message()).startsWith("'g' is an imported mapping: a mapping may call its functions");
    }

    @Test
    void mappingsThatImportEachOtherInACycleDoNotCompile() {
        Map<String, MappingCompiler.Compiled> all = MappingCompiler.compileAll(List.of(
                new MappingSource("a", "a.jslt", "import \"b\" as b\n{}"),
                new MappingSource("b", "b.jslt", "import \"a\" as a\n{}"),
                new MappingSource("c", "c.jslt", "{}")), LIMITS, MappingImports.none());

        assertThat(all.get("c").mapping()).isNotNull();
        assertThat(all.get("a").mapping()).isNull();
        assertThat(all.get("b").mapping()).isNull();
        assertThat(all.get("a").problem().message()).contains("there is no mapping 'b' that compiles");
    }

    // ---- text and nesting ----

    @Test
    void aHundredThousandNestedBracketsAreAProblemAtTheFirstBracketTooDeepNotAStackOverflow() {
        String text = "{\"a\":\n" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        MappingProblem p = problem(text, new MappingLimits(1024 * 1024, 200, 64 * 1024, Duration.ofSeconds(30)));

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(200); // the object's brace is the first level
        assertThat(p.message()).isEqualTo("brackets nested more than 200 deep (max-depth)");
        // under the default limits the text is too long before it is too deep
        assertThat(problem(text, MappingLimits.DEFAULTS).message()).contains("(max-text-bytes)");
    }

    @Test
    void bracketsInsideStringsAndCommentsAreNotCounted() {
        String text = "// " + "(".repeat(30_000) + "\n"
                + "{\"open\": \"" + "[{(".repeat(10_000) + "\", \"escaped\": \"\\\"[[[[\"}";

        Mapping m = mapping(text);

        assertThat(((MappingResult.Mapped) m.apply(SourceRecord.json("x", "{}"))).records().get(0).get("open").asText())
                .hasSize(30_000);
    }

    @Test
    void longChainsOfOperatorsAreAProblemWithThePlaceNotAStackOverflow() {
        // no brackets at all, but each 'or', '+' or '.key' nests JSLT's parse and its evaluation one level deeper
        for (String text : List.of(".a" + " or .a".repeat(10_000), ".a" + " + .a".repeat(10_000), "." + "a.".repeat(20_000) + "a",
                "if (.a) 1 " + "else if (.a) 1 ".repeat(3_000) + "else 2")) {
            MappingProblem p = problem(text);

            assertThat(p.message()).isEqualTo("expressions nested more than 200 deep, counting through function calls (max-depth)");
            assertThat(p.line()).isEqualTo(1);
        }
        // placed down the deepest branch, at the first expression past the limit: the 201st '.a' of the 'or' chain
        assertThat(problem(".a" + " or .a".repeat(10_000)).column()).isEqualTo(1 + 6 * 200);
    }

    @Test
    void aLongFlatListIsNoProblem() {
        Mapping m = mapping("{\"codes\": [" + "\"4401\", ".repeat(8_000) + "\"4402\"]}");

        assertThat(((MappingResult.Mapped) m.apply(SourceRecord.json("x", "{}"))).records().get(0).get("codes")).hasSize(8_001);
    }

    @Test
    void aTextOverItsSizeIsAProblemWhereItCrossesTheLimit() {
        String line = "// " + "x".repeat(96) + "\n"; // 100 bytes
        String text = line.repeat(655) + "// " + "中".repeat(20) + "\n{}"; // 65,503 bytes, then 3 bytes a character

        MappingProblem p = problem(text);

        assertThat(p.line()).isEqualTo(656);
        assertThat(p.column()).isEqualTo(15); // 11 characters fit in the 33 bytes left: the 12th crosses
        assertThat(p.message()).isEqualTo("the mapping is longer than the 65536 bytes a mapping may have (max-text-bytes)");
        assertThat(compile(line.repeat(655) + "{}").mapping()).isNotNull();
    }

    @Test
    void textRepeatedByMultiplicationIsRefusedBeforeJsltFoldsIt() {
        MappingProblem p = problem("{\"a\":\n   \"x\" * 2000000000}");

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(8);
        assertThat(p.message()).startsWith("text repeated with *");
        assertThat(problem("{\"a\": 3 * // sneaky\n \"x\"}").line()).isEqualTo(2);
        assertThat(mapping("{\"a\": .n * 1000, \"b\": \"*\"}")).isNotNull();
    }

    @Test
    void aRegularExpressionThatDoesNotCompileIsAProblemWithItsPlace() {
        MappingProblem p = problem("{\n  \"a\": test(.x, \"(unclosed\")\n}");

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).startsWith("the regular expression '(unclosed' of test() does not compile: ");
    }

    @Test
    void aParseErrorStillHasItsLineAndColumn() {
        MappingProblem p = problem("{\n  \"a\": .x +\n}");

        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).startsWith("Parse error");
    }

    // ---- recursion ----

    @Test
    void aFunctionThatCallsItselfIsRefusedAtTheCallWhetherUnboundedOrExponential() {
        MappingProblem endless = problem("def f(x)\n  f($x)\n{\"a\": f(.)}");
        assertThat(endless.line()).isEqualTo(2);
        assertThat(endless.column()).isEqualTo(3);
        assertThat(endless.message()).startsWith("function 'f' calls itself (f → f): a mapping's functions may not recurse");

        MappingProblem exponential = problem("def fib(n) if ($n < 2) $n else fib($n - 1) + fib($n - 2)\n{\"a\": fib(.n)}");
        assertThat(exponential.message()).startsWith("function 'fib' calls itself (fib → fib)");

        MappingProblem mutual = problem("def even(n) if ($n == 0) true else odd($n - 1)\ndef odd(n) if ($n == 0) false else even($n - 1)\n{}");
        assertThat(mutual.message()).containsAnyOf("(even → odd → even)", "(odd → even → odd)");
    }

    @Test
    void callsThroughFunctionsCountTowardsTheDepth() {
        // each function nests 60 levels and calls the next: four deep is more than 200
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append("def f").append(i).append("(x) ").append("[".repeat(60))
                    .append(i == 3 ? "$x" : "f" + (i + 1) + "($x)").append("]".repeat(60)).append('\n');
        }
        text.append("{\"a\": f0(.)}");

        MappingProblem p = problem(text.toString());

        assertThat(p.message()).startsWith("expressions nested more than 200 deep");
    }

    // ---- time ----

    @Test
    void aRecordWhoseMappingRunsOverItsTimeBudgetIsRejectedAndTheWorkStops() {
        // three nested loops over 2,000 items: eight billion steps, hours of work if nothing stopped it
        Mapping m = mapping("let items = .items\n{\"n\": size([for ($items) [for ($items) [for ($items) 1]]])}", TIGHT);
        String big = "{\"items\": [" + "1,".repeat(1_999) + "1]}";

        long start = System.nanoTime();
        String reason = rejection(m.apply(SourceRecord.json("item 1", big)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reason).isEqualTo("mapping 'test' ran over its time budget of 200 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        // the same mapping goes on with the next record
        assertThat(m.apply(SourceRecord.json("item 2", "{\"items\": [1, 2]}"))).isInstanceOf(MappingResult.Mapped.class);
    }

    @Test
    void loopsWithoutVariablesOrFunctionsAreStoppedToo() {
        String list = "[" + "1,".repeat(999) + "1]";
        Mapping m = mapping("{\"n\": size([for (" + list + ") [for (" + list + ") [for (" + list + ") 1]]])}", TIGHT);

        assertThat(rejection(m.apply(SourceRecord.json("item 1", "{}")))).isEqualTo("mapping 'test' ran over its time budget of 200 ms");
    }

    @Test
    void aRegularExpressionThatBacktracksForeverIsStopped() {
        // a back-reference keeps Java from remembering where it failed: 2^60 ways to try
        String record = "{\"s\": \"" + "a".repeat(60) + "!\"}";
        for (String call : List.of("test(.s, \"(a|a)+(\\\\1)x\")", "capture(.s, \"(?<g>(a|a)+(\\\\2)x)\")",
                "split(.s, \"(a|a)+(\\\\1)x\")", "replace(.s, \"(a|a)+(\\\\1)x\", \"-\")")) {
            Mapping m = mapping("{\"a\": " + call + "}", TIGHT);

            long start = System.nanoTime();
            String reason = rejection(m.apply(SourceRecord.json("item 1", record)));

            assertThat(reason).as(call).isEqualTo("mapping 'test' ran over its time budget of 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        }
    }

    // ---- sizes ----

    @Test
    void aValueDoubledThroughVariablesIsStoppedAtItsSize() {
        StringBuilder text = new StringBuilder("let s0 = .s\n");
        for (int i = 1; i <= 40; i++) {
            text.append("let s").append(i).append(" = $s").append(i - 1).append(" + $s").append(i - 1).append('\n');
        }
        text.append("{\"a\": size($s40)}");

        String reason = rejection(mapping(text.toString()).apply(SourceRecord.json("item 1", "{\"s\": \"ab\"}")));

        assertThat(reason).isEqualTo("mapping 'test' built a value larger than its limit of 65536 bytes or twice its record (max-output-bytes)");
    }

    @Test
    void aValueThatHoldsAnotherManyTimesOverIsMeasuredAsWrittenOut() {
        // 2^40 copies of one text, held by reference in a few arrays
        StringBuilder text = new StringBuilder("let a0 = [.s, .s]\n");
        for (int i = 1; i <= 40; i++) {
            text.append("let a").append(i).append(" = [$a").append(i - 1).append(", $a").append(i - 1).append("]\n");
        }
        text.append("{\"a\": string($a40)}");

        assertThat(rejection(mapping(text.toString()).apply(SourceRecord.json("item 1", "{\"s\": \"ab\"}"))))
                .startsWith("mapping 'test' built a value larger than its limit");
    }

    @Test
    void textBuiltByJoinOrReplaceStopsAtTheLimit() {
        Mapping join = mapping("{\"a\": join([for (.items) .], .sep)}");
        Mapping replace = mapping("{\"a\": replace(.s, \"a\", .with)}");
        String items = "[" + "\"x\",".repeat(9_999) + "\"x\"]";
        String longText = "\"" + "a".repeat(10_000) + "\"";

        assertThat(rejection(join.apply(SourceRecord.json("1", "{\"items\": " + items + ", \"sep\": " + longText + "}"))))
                .startsWith("mapping 'test' built a value larger than its limit");
        assertThat(rejection(replace.apply(SourceRecord.json("1", "{\"s\": " + longText + ", \"with\": " + longText + "}"))))
                .startsWith("mapping 'test' built a value larger than its limit");
        assertThat(((MappingResult.Mapped) replace.apply(SourceRecord.json("2", "{\"s\": \"banana\", \"with\": \"o\"}")))
                .records().get(0).get("a").asText()).isEqualTo("bonono");
    }

    @Test
    void anOutputOverItsSizeIsRejected() {
        Mapping m = mapping("[for (.items) {\"kind\": \"shipment\", \"waybillNo\": string(.) + \"-0000000000000000\"}]");
        String items = "[" + "1,".repeat(4_999) + "1]"; // 10 KB of record, 250 KB of output

        String reason = rejection(m.apply(SourceRecord.json("item 1", "{\"items\": " + items + "}")));

        assertThat(reason).isEqualTo("mapping 'test' gave more than its limit of 65536 bytes of output (max-output-bytes)");
        assertThat(m.apply(SourceRecord.json("item 2", "{\"items\": [1, 2]}"))).isInstanceOf(MappingResult.Mapped.class);
    }

    @Test
    void aMappingMayHoldAndPassOnAWholeRecordLargerThanTheOutputLimit() {
        Mapping m = mapping("let all = .\n{\"kind\": \"shipment\", \"n\": size($all.items), \"last\": $all.items[-1]}");
        String items = "[" + "\"0123456789\",".repeat(9_999) + "\"end\"]"; // 130 KB

        MappingResult r = m.apply(SourceRecord.json("item 1", "{\"items\": " + items + "}"));

        assertThat(((MappingResult.Mapped) r).records().get(0).get("last").asText()).isEqualTo("end");
    }

    @Test
    void aLimitsRejectionNamesTheMappingOnce() {
        MappingResult.Rejected r = new MappingResult.Rejected("row 3", "x", "mapping 'x' ran over its time budget of 200 ms");

        assertThat(r.describe()).isEqualTo("row 3: mapping 'x' ran over its time budget of 200 ms");
        assertThat(new MappingResult.Rejected("row 3", "x", "no waybill").describe()).isEqualTo("row 3: no waybill (mapping x)");
    }
}
