package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;

/** What every extension function has: a name, an arity, and failures that name the function. */
abstract class SimpleFunction implements Function {

    private final String name;
    private final int minArguments;
    private final int maxArguments;

    SimpleFunction(String name, int minArguments, int maxArguments) {
        this.name = name;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final int getMinArguments() {
        return minArguments;
    }

    @Override
    public final int getMaxArguments() {
        return maxArguments;
    }

    /** {@code fen-to-yuan: 12.5 is not a whole number of fen}. */
    final JsltException refuse(JsonNode value, String why) {
        return new JsltException(name + ": " + shown(value) + " " + why);
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || value.isTextual() && value.textValue().isBlank();
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
