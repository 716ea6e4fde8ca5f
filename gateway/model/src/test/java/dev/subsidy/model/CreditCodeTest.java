package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GB 32100-2015 as docs/registry.md describes it, with its worked examples. */
class CreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void theWorkedExamplesAndTheFixturesCodesAreValid() {
        assertThat(CreditCode.checkCharacter("91350200776049653")).isEqualTo('A');
        assertThat(CreditCode.checkCharacter("91440101MA5CJQ4N5")).isEqualTo('9');
        assertThat(List.of("91350200776049653A", "91440101MA5CJQ4N59", "91522633MA6D0KD01Y",
                "91522633MA6D0KD022", "92522633MA6D0M001G", "92522633MA6D0M002K",
                "91520100MA6D0X005D", "91522633MA6D0LC060"))
                .allSatisfy(code -> {
                    assertThat(CreditCode.isValid(code)).as(code).isTrue();
                    assertThat(CreditCode.shapeProblem(code)).as(code).isEmpty();
                    assertThat(CreditCode.checkProblem(code)).as(code).isEmpty();
                });
    }

    @Test
    void aCheckCharacterOfZeroIsWrittenZero() {
        // c = 31 becomes 0: find a body whose sum is a multiple of 31 by varying its last character
        String body = ALPHABET.chars().mapToObj(c -> "9152263300000000" + (char) c)
                .filter(b -> CreditCode.checkCharacter(b) == '0').findFirst().orElseThrow();
        assertThat(CreditCode.isValid(body + "0")).isTrue();
    }

    @Test
    void aRealCodeThatFailsItsCheckHasTheShapeAndSaysWhichCharacterTheCheckWants() {
        String real = "91350203M0001QAY9B";
        assertThat(CreditCode.hasShape(real)).isTrue();
        assertThat(CreditCode.isValid(real)).isFalse();
        assertThat(CreditCode.checkProblem(real)).hasValue("check character is 'B', GB 32100 computes '"
                + CreditCode.checkCharacter(real.substring(0, 17)) + "'");
    }

    @Test
    void everySingleWrongCharacterIsCaughtByTheCheck() {
        // weights are powers of 3 mod 31 (never 0) and values differ by less than 31: one change always shows
        for (String valid : List.of("91350200776049653A", "91440101MA5CJQ4N59", "92522633MA6D0M001G")) {
            for (int position = 0; position < 18; position++) {
                for (char other : ALPHABET.toCharArray()) {
                    if (other == valid.charAt(position)) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + other + valid.substring(position + 1);
                    assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void theLettersTheStandardLeavesOutAreNamedWithTheirPosition() {
        for (char left : "IOSVZ".toCharArray()) {
            String code = "91350200776049653" + left;
            assertThat(CreditCode.hasShape(code)).isFalse();
            assertThat(CreditCode.shapeProblem(code)).hasValue("character 18 is '" + left
                    + "', a letter GB 32100 leaves out (no I, O, S, V or Z)");
        }
        assertThat(CreditCode.shapeProblem("9I350200776049653A")).hasValueSatisfying(p -> assertThat(p).startsWith("character 2 is 'I'"));
    }

    @Test
    void wrongLengthsLowerCaseAndForeignCharactersAreNotTheShape() {
        assertThat(CreditCode.shapeProblem("91350200776049653")).hasValue("a unified social credit code has 18 characters, this has 17");
        assertThat(CreditCode.shapeProblem("91350200776049653AA")).hasValue("a unified social credit code has 18 characters, this has 19");
        assertThat(CreditCode.shapeProblem("")).hasValue("a unified social credit code has 18 characters, this has none");
        assertThat(CreditCode.shapeProblem(null)).isPresent();
        assertThat(CreditCode.shapeProblem("91440101ma5cjq4n59")).hasValue("character 9 is 'm', which is not a digit or capital letter of GB 32100");
        assertThat(CreditCode.shapeProblem("91440101MA5CJQ4N5\u200B")).hasValue("character 18 is U+200B, which is not a digit or capital letter of GB 32100");
        assertThat(CreditCode.hasShape(null)).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void normalisingFoldsFullWidthAndCaseWithoutChangingAValidCode() {
        assertThat(CreditCode.normalise(" ９１４４０１０１ｍａ５ｃｊｑ４ｎ５９ ")).isEqualTo("91440101MA5CJQ4N59");
        assertThat(CreditCode.normalise("91440101ma5cjq4n59")).isEqualTo("91440101MA5CJQ4N59");
        assertThat(CreditCode.normalise("91440101MA5CJQ4N59")).isEqualTo("91440101MA5CJQ4N59");
        assertThat(CreditCode.normalise(null)).isNull();
    }

    @Test
    void aBodyOutsideTheAlphabetHasNoCheckCharacter() {
        assertThatThrownBy(() -> CreditCode.checkCharacter("91350200776049I53")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCode.checkCharacter("9135")).isInstanceOf(IllegalArgumentException.class);
    }
}
