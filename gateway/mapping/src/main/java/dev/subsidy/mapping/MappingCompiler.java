package dev.subsidy.mapping;

import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import com.schibsted.spt.data.jslt.impl.ExpressionImpl;
import com.schibsted.spt.data.jslt.parser.TokenMgrError;
import dev.subsidy.connector.api.SourceRecord;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one mapping's JSLT text in the sandbox of {@link MappingLimits}, with the extension
 * functions registered. Used by {@link MappingCatalog} and by whoever checks a mapping before it is
 * saved (the admin API). A text that cannot be compiled or analysed, for any reason, is a
 * {@link MappingProblem} with its line and column, never an exception of another kind:
 * <ol>
 *   <li>the text is scanned first ({@link MappingText}): its size, its brackets' depth, text repeated
 *       with {@code *}, and its imports, each of which must name another mapping the gateway keeps
 *       ({@link MappingImports}): JSLT's own resolver, which reads the class path, files and URLs, is
 *       never used;</li>
 *   <li>JSLT compiles it on a thread of its own whose stack is sized for the longest text allowed (its
 *       parser recurses once per nested expression, and per item of a list);</li>
 *   <li>the compiled expression is analysed ({@link MappingAnalysis}): no recursion, no evaluation
 *       deeper than {@code max-depth}, regular expressions that compile.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class MappingCompiler {

    /**
     * JavaCC's parse errors say where the unexpected token is ("… at line 3, column 1."), while the
     * location JSLT attaches is the start of the construct it was parsing, often a line earlier: the
     * token's place is what an operator needs to see.
     */
    private static final Pattern TOKEN_PLACE = Pattern.compile("at line (\\d+), column (\\d+)");

    /** Stack per character of text for the compiling thread: five times the most JSLT's parser was seen to use. */
    private static final long STACK_PER_CHARACTER = 512;

    static {
        BudgetedNodes.install();
    }

    /**
     * Maps one record with every part of the sandbox once, before the first real mapping is compiled:
     * loading those classes (and the region table) takes a noticeable part of a second on a busy
     * machine, which the first record of the first mapping would otherwise pay out of its time budget.
     */
    private static final String WARM_UP = "let xs = [1, 2]\n"
            + "{\"n\": [for ($xs) {\"t\": test(string(.), \"^[0-9]+$\"), \"s\": split(\"a,b\", \",\"), \"r\": replace(\"ab\", \"b\", \"c\"),"
            + " \"j\": join([\"a\"], \"\"), \"c\": capture(\"ab\", \"(?<x>a)\"), \"y\": yuan(\"1.5\"), \"p\": region-code(\"广州市\")}]}";
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private MappingCompiler() {}

    /** {@link #compile(MappingSource, MappingLimits, MappingImports)} with the default limits and no imports. */
    public static Mapping compile(MappingSource source) throws MappingLoadException {
        return compile(source, MappingLimits.DEFAULTS, MappingImports.none());
    }

    /**
     * The compiled mapping.
     *
     * @param imports the mappings it may import
     * @throws MappingLoadException with the one problem (origin, line, column, message)
     */
    public static Mapping compile(MappingSource source, MappingLimits limits, MappingImports imports)
            throws MappingLoadException {
        Compiled result = tryCompile(source, limits, imports);
        if (result.problem() != null) {
            throw new MappingLoadException(List.of(result.problem()));
        }
        return result.mapping();
    }

    /**
     * The mapping, or the problem that prevents compiling it: exactly one of the two is set.
     *
     * @param imports the names this text imports (also when it does not compile), so that whoever keeps
     *     mappings knows which depend on which
     */
    public record Compiled(Mapping mapping, MappingProblem problem, Set<String> imports) {
        public Compiled {
            if ((mapping == null) == (problem == null)) {
                throw new IllegalArgumentException("a compiled mapping has either a mapping or a problem");
            }
            imports = Set.copyOf(imports);
        }
    }

    /** The names a mapping text imports, as written (for ordering compiles; nothing is checked). */
    public static Set<String> importsOf(String text) {
        Set<String> names = new LinkedHashSet<>();
        MappingText.imports(text).forEach(i -> names.add(i.name()));
        return names;
    }

    /**
     * Compiles several mappings that may import one another, each after those it imports: an import
     * resolves to a mapping of these that compiles, else to one of {@code outside}. A mapping in an
     * import cycle does not compile (it names the import that closes the cycle).
     *
     * @param sources mappings with distinct names
     * @return each source's result, by name, in the order given
     */
    public static Map<String, Compiled> compileAll(Collection<MappingSource> sources, MappingLimits limits,
            MappingImports outside) {
        Map<String, MappingSource> byName = new LinkedHashMap<>();
        sources.forEach(s -> byName.put(s.name(), s));
        Map<String, Compiled> done = new HashMap<>();
        Set<String> visiting = new LinkedHashSet<>();
        MappingImports imports = name -> {
            Compiled c = done.get(name);
            if (c != null) {
                return Optional.ofNullable(c.mapping());
            }
            return byName.containsKey(name) ? Optional.empty() : outside.find(name);
        };
        for (String name : byName.keySet()) {
            compileInOrder(name, byName, done, visiting, limits, imports);
        }
        Map<String, Compiled> ordered = new LinkedHashMap<>();
        byName.keySet().forEach(n -> ordered.put(n, done.get(n)));
        return ordered;
    }

    private static void compileInOrder(String name, Map<String, MappingSource> byName, Map<String, Compiled> done,
            Set<String> visiting, MappingLimits limits, MappingImports imports) {
        if (done.containsKey(name) || !visiting.add(name)) {
            return; // compiled, or in a cycle: its import finds nothing and says so
        }
        MappingSource source = byName.get(name);
        for (String imported : importsOf(source.text())) {
            if (byName.containsKey(imported)) {
                compileInOrder(imported, byName, done, visiting, limits, imports);
            }
        }
        visiting.remove(name);
        done.put(name, tryCompile(source, limits, imports));
    }

    /** Compiles without throwing, so a catalog can gather every file's problem. */
    public static Compiled tryCompile(MappingSource source, MappingLimits limits, MappingImports imports) {
        warmUp();
        MappingText.Scan scan = MappingText.scan(source.origin(), source.text(), limits);
        Set<String> names = new LinkedHashSet<>();
        scan.imports().forEach(i -> names.add(i.name()));
        if (scan.problem() != null) {
            return new Compiled(null, scan.problem(), names);
        }
        for (MappingText.Import i : scan.imports()) {
            MappingProblem refused = refusedImport(source, i, imports);
            if (refused != null) {
                return new Compiled(null, refused, names);
            }
        }
        long stack = Math.min(1L << 30, Math.max(16L << 20, STACK_PER_CHARACTER * source.text().length()));
        FutureTask<Compiled> task = new FutureTask<>(() -> compileHere(source, limits, imports, names));
        Thread compiler = new Thread(null, task, "mapping-compiler", stack);
        compiler.setDaemon(true);
        compiler.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // the compile is short and holds nothing of the caller's: let it finish
                    interrupted = true;
                } catch (ExecutionException e) {
                    return new Compiled(null, new MappingProblem(source.origin(), 1, 1,
                            "the mapping cannot be compiled: " + e.getCause()), names);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void warmUp() {
        if (WARMED.compareAndSet(false, true)) {
            // all the time it needs: loading classes is what it is for
            MappingLimits unhurried = MappingLimits.DEFAULTS.withRecordTimeBudget(Duration.ofMinutes(10));
            Compiled warm = tryCompile(new MappingSource("warm-up", "warm-up", WARM_UP), unhurried, MappingImports.none());
            MappingResult result = warm.mapping() == null ? null : warm.mapping().apply(SourceRecord.json("warm-up", "{}"));
            if (!(result instanceof MappingResult.Mapped)) {
                // a mistake of this class, not of any mapping's: every test that compiles one shows it
                throw new IllegalStateException("the sandbox's own warm-up mapping fails: " + (result == null ? warm.problem() : result));
            }
        }
    }

    /** The problem with one import, or null: it must name, plainly, another mapping that compiles. */
    private static MappingProblem refusedImport(MappingSource source, MappingText.Import i, MappingImports imports) {
        String why = null;
        if (i.escaped() || !MappingSource.isName(i.name())) {
            why = "a mapping may import only another mapping of the gateway, by its name (lower case letters, digits and "
                    + "dashes): no file, class-path resource or URL";
        } else if (i.name().equals(source.name())) {
            why = "a mapping cannot import itself";
        } else if (imports.find(i.name()).isEmpty()) {
            why = "there is no mapping '" + i.name() + "' that compiles to import";
        }
        return why == null ? null : new MappingProblem(source.origin(), i.line(), i.column(), "import \"" + i.name() + "\": " + why);
    }

    private static Compiled compileHere(MappingSource source, MappingLimits limits, MappingImports imports, Set<String> names) {
        String origin = source.origin();
        try {
            Expression compiled = new Parser(new StringReader(source.text()))
                    .withSource(origin)
                    .withFunctions(SandboxFunctions.all())
                    .withObjectFilter(BudgetedNodes.FILTER)
                    .withResourceResolver(name -> imports.find(name)
                            .filter(m -> !name.equals(source.name()))
                            .map(m -> new StringReader(m.text()))
                            .orElseThrow(() -> new JsltException("import \"" + name + "\": not a mapping of the gateway")))
                    .compile();
            ExpressionImpl expression = (ExpressionImpl) compiled;
            MappingAnalysis.Result analysis = MappingAnalysis.of(expression, origin, limits.maxDepth());
            return new Compiled(new Mapping(source.name(), origin, source.text(), expression, analysis, limits, names), null, names);
        } catch (MappingAnalysis.Refused e) {
            return new Compiled(null, e.problem(), names);
        } catch (JsltException e) {
            return new Compiled(null, problem(origin, e), names);
        } catch (StackOverflowError e) {
            return new Compiled(null, new MappingProblem(origin, 1, 1,
                    "the mapping nests too deeply or chains too many operators to be compiled"), names);
        } catch (OutOfMemoryError e) {
            return new Compiled(null, new MappingProblem(origin, 1, 1,
                    "the mapping needs more memory to compile than the gateway has"), names);
        } catch (RuntimeException | TokenMgrError e) {
            // JSLT wraps the lexer's TokenMgrError today; should one escape, it is still a problem of this file
            return new Compiled(null, new MappingProblem(origin, 1, 1, firstLine(String.valueOf(e.getMessage()))), names);
        }
    }

    private static MappingProblem problem(String origin, JsltException e) {
        String message = e.getMessageWithoutLocation() == null ? e.toString() : e.getMessageWithoutLocation();
        Matcher place = TOKEN_PLACE.matcher(message);
        int line = Math.max(e.getLine(), 1);
        int column = Math.max(e.getColumn(), 1);
        if (place.find()) {
            line = Integer.parseInt(place.group(1));
            column = Integer.parseInt(place.group(2));
        }
        return new MappingProblem(origin, line, column, firstLine(message));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
