package dev.subsidy.runtime.definition;

/**
 * One thing wrong with a definition. Messages never repeat a secret's value.
 *
 * @param field where: {@code type}, {@code mapping}, {@code settings.base_url}, …
 * @param message what is wrong, for the operator
 */
public record DefinitionProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
