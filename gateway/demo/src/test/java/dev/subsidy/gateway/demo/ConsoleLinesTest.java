package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The demo's lines fit 120 terminal columns, Chinese counted twice, and keep every word. */
class ConsoleLinesTest {

    @Test
    void aLineThatFitsIsPrintedAsItIs() {
        assertThat(ConsoleLines.fit("demo: close 2026-10 → 12 figures")).containsExactly("demo: close 2026-10 → 12 figures");
    }

    @Test
    void aLongLineIsBrokenAtSpacesWithItsContinuationIndented() {
        String line = "demo: " + "word ".repeat(40).trim();
        List<String> fitted = ConsoleLines.fit(line);
        assertThat(fitted).hasSize(2);
        assertThat(fitted.get(0)).endsWith("word").hasSizeLessThanOrEqualTo(120);
        assertThat(fitted.get(1)).startsWith("    word");
    }

    @Test
    void chineseCharactersTakeTwoColumns() {
        assertThat(ConsoleLines.columns("从江县 ZTO")).isEqualTo(10);
        List<String> fitted = ConsoleLines.fit("从".repeat(70));
        assertThat(fitted).extracting(ConsoleLines::columns).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(120));
        assertThat(String.join("", fitted).replace(" ", "")).isEqualTo("从".repeat(70));
    }

    @Test
    void aTableRowKeepsItsIndentOnItsContinuation() {
        List<String> fitted = ConsoleLines.fit("  " + "column ".repeat(30));
        assertThat(fitted.get(1)).startsWith("      column");
    }

    @Property
    void everyPieceFitsAndNoWordIsLost(@ForAll @StringLength(max = 600) String text) {
        String line = text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        List<String> fitted = ConsoleLines.fit(line);
        assertThat(fitted).allSatisfy(piece -> assertThat(ConsoleLines.columns(piece)).isLessThanOrEqualTo(120));
        assertThat(String.join("", fitted).replace(" ", "")).isEqualTo(line.replace(" ", ""));
    }
}
