package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.impl.BuiltinFunctions;
import com.schibsted.spt.data.jslt.impl.NodeUtils;
import dev.subsidy.mapping.functions.MappingFunctions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every function a mapping may call, each checking the record's budget: the gateway's extension
 * functions and JSLT's built-in ones (registered under the same names, which JSLT lets extension
 * functions take), each wrapped to check the deadline and the size of what goes in and comes out.
 * Five built-ins are the gateway's own, with JSLT's behaviour: {@code test}, {@code capture},
 * {@code split} and {@code replace} match on text that checks the deadline as the matcher reads it
 * (a regular expression can backtrack for longer than the universe exists, inside one call), and
 * {@code replace} and {@code join} stop building text past the size limit (their result can be the
 * product of their arguments' sizes). Stateless and thread-safe.
 */
final class SandboxFunctions {

    /** A function whose argument {@link #regexArgument()} is a regular expression, checked when compiled. */
    interface Regex extends Function {
        int regexArgument();
    }

    private static final Map<String, Pattern> PATTERNS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > 1000;
        }
    });

    /** JSLT's way of finding the named groups of a pattern, which Java does not list. */
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private static final List<Function> ALL = build();

    private SandboxFunctions() {}

    /** Every function, to register with JSLT's parser. */
    static List<Function> all() {
        return ALL;
    }

    private static List<Function> build() {
        Map<String, Function> own = new TreeMap<>();
        for (Function f : List.of(new Test(), new Capture(), new Split(), new Replace(), new Join())) {
            own.put(f.getName(), new Budgeted(f));
        }
        List<Function> all = new ArrayList<>();
        for (Map.Entry<String, Function> builtIn : new TreeMap<>(BuiltinFunctions.functions).entrySet()) {
            all.add(own.getOrDefault(builtIn.getKey(), new Budgeted(builtIn.getValue())));
        }
        for (Function extension : MappingFunctions.all()) {
            all.add(new Budgeted(extension));
        }
        return List.copyOf(all);
    }

    /** A compiled regular expression, from a cache shared by every mapping. */
    static Pattern pattern(String regex) throws PatternSyntaxException {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            PATTERNS.put(regex, p);
        }
        return p;
    }

    private static Pattern compiled(String regex) {
        try {
            return pattern(regex);
        } catch (PatternSyntaxException e) {
            throw new JsltException("Syntax error in regular expression '" + regex + "'", e);
        }
    }

    /** The text a matcher reads, checking the deadline every thousand characters it looks at. */
    private static CharSequence watched(String text) {
        RecordBudget budget = RecordBudget.current();
        return budget == null ? text : new Watched(text, budget);
    }

    private record Watched(String text, RecordBudget budget, int[] reads) implements CharSequence {
        Watched(String text, RecordBudget budget) {
            this(text, budget, new int[1]);
        }

        @Override
        public char charAt(int index) {
            if ((++reads[0] & 0x3ff) == 0) {
                budget.tick();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Text built within the record's size limit. */
    private static final class BoundedText {
        private final StringBuilder text = new StringBuilder();
        private final RecordBudget budget = RecordBudget.current();

        BoundedText append(CharSequence s, int start, int end) {
            if (budget != null && (long) text.length() + (end - start) > budget.valueLimit()) {
                throw budget.tooLarge();
            }
            text.append(s, start, end);
            return this;
        }

        BoundedText append(String s) {
            return append(s, 0, s.length());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** A function with the budget checked before and after it runs. */
    private record Budgeted(Function function) implements Function, Regex {
        @Override
        public String getName() {
            return function.getName();
        }

        @Override
        public int getMinArguments() {
            return function.getMinArguments();
        }

        @Override
        public int getMaxArguments() {
            return function.getMaxArguments();
        }

        @Override
        public int regexArgument() {
            return function instanceof Regex r ? r.regexArgument() : -1;
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            RecordBudget budget = RecordBudget.current();
            if (budget == null) {
                return function.call(input, arguments);
            }
            budget.tick();
            for (JsonNode argument : arguments) {
                budget.check(argument);
            }
            JsonNode result = function.call(input, arguments);
            budget.check(result);
            return result;
        }
    }

    private abstract static class Own implements Function {
        private final String name;
        private final int min;
        private final int max;

        Own(String name, int min, int max) {
            this.name = name;
            this.min = min;
            this.max = max;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getMinArguments() {
            return min;
        }

        @Override
        public int getMaxArguments() {
            return max;
        }
    }

    private abstract static class OwnRegex extends Own implements Regex {
        OwnRegex(String name, int min, int max) {
            super(name, min, max);
        }

        @Override
        public int regexArgument() {
            return 1;
        }
    }

    /** {@code test(text, regex)}: whether the regular expression matches anywhere in the text. */
    static final class Test extends OwnRegex {
        Test() {
            super("test", 2, 2);
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            if (arguments[0].isNull()) {
                return BooleanNode.FALSE;
            }
            String text = NodeUtils.toString(arguments[0], false);
            String regex = NodeUtils.toString(arguments[1], true);
            if (regex == null) {
                throw new JsltException("test() can't test null regexp");
            }
            return NodeUtils.toJson(compiled(regex).matcher(watched(text)).find(0));
        }
    }

    /** {@code capture(text, regex)}: the named groups of the first match, as an object. */
    static final class Capture extends OwnRegex {
        Capture() {
            super("capture", 2, 2);
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            if (arguments[0].isNull()) {
                return arguments[0];
            }
            String text = NodeUtils.toString(arguments[0], false);
            String regex = NodeUtils.toString(arguments[1], true);
            if (regex == null) {
                throw new JsltException("capture() can't match against null regexp");
            }
            Pattern pattern = compiled(regex);
            Set<String> groups = new TreeSet<>();
            Matcher names = NAMED_GROUP.matcher(regex);
            while (names.find()) {
                groups.add(names.group(1));
            }
            ObjectNode captured = NodeUtils.mapper.createObjectNode();
            Matcher m = pattern.matcher(watched(text));
            if (m.find()) {
                for (String group : groups) {
                    captured.put(group, m.group(group));
                }
            }
            return captured;
        }
    }

    /** {@code split(text, regex)}: the text cut at each match, as {@link String#split(String)} cuts. */
    static final class Split extends OwnRegex {
        Split() {
            super("split", 2, 2);
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            if (arguments[0].isNull()) {
                return arguments[0];
            }
            String text = NodeUtils.toString(arguments[0], false);
            String regex = NodeUtils.toString(arguments[1], true);
            if (regex == null) {
                throw new JsltException("split() can't split on null");
            }
            return NodeUtils.toJson(compiled(regex).split(watched(text)));
        }
    }

    /** {@code replace(text, regex, with)}: every match replaced by the text given; a match may not be empty. */
    static final class Replace extends OwnRegex {
        Replace() {
            super("replace", 3, 3);
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            String text = NodeUtils.toString(arguments[0], true);
            if (text == null) {
                return NullNode.instance;
            }
            String regex = NodeUtils.toString(arguments[1], false);
            String with = NodeUtils.toString(arguments[2], false);
            Matcher m = compiled(regex).matcher(watched(text));
            BoundedText out = new BoundedText();
            int pos = 0;
            while (m.find(pos)) {
                if (m.start() == m.end()) {
                    throw new JsltException("Regexp " + regex + " in replace() matched empty string in '" + arguments[0] + "'");
                }
                out.append(text, pos, m.start()).append(with);
                pos = m.end();
            }
            if (pos == 0 && arguments[0].isTextual()) {
                return arguments[0];
            }
            out.append(text, pos, text.length());
            return new TextNode(out.toString());
        }
    }

    /** {@code join(array, separator)}: the items as text, the separator between them. */
    static final class Join extends Own {
        Join() {
            super("join", 2, 2);
        }

        @Override
        public JsonNode call(JsonNode input, JsonNode[] arguments) {
            ArrayNode array = NodeUtils.toArray(arguments[0], true);
            if (array == null) {
                return NullNode.instance;
            }
            String separator = NodeUtils.toString(arguments[1], false);
            BoundedText out = new BoundedText();
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append(NodeUtils.toString(array.get(i), false));
            }
            return new TextNode(out.toString());
        }
    }
}
