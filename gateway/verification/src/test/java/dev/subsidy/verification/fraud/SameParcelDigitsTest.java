package dev.subsidy.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The same-parcel rule's serial digits, read by a scan: the same as the regular expressions that define them. */
class SameParcelDigitsTest {

    private static final Pattern CORE = Pattern.compile("[A-Z]*([0-9]{8,})[A-Z]*");

    /** The definition: separators dropped, the digits between optional letters, zero padding off. */
    private static Optional<String> defined(String text) {
        Matcher m = CORE.matcher(text.replaceAll("[^A-Z0-9]", ""));
        return m.matches() ? Optional.of(m.group(1).replaceFirst("^0+(?=[0-9])", "")) : Optional.empty();
    }

    @Test
    void examples() {
        assertThat(SameParcelRule.digits("SF1234567890123")).contains("1234567890123");
        assertThat(SameParcelRule.digits("0073100000000001")).contains("73100000000001");
        assertThat(SameParcelRule.digits("JT-0012-3456-7890")).contains("1234567890");
        assertThat(SameParcelRule.digits("00000000")).contains("0");
        assertThat(SameParcelRule.digits("1234567")).isEmpty();
        assertThat(SameParcelRule.digits("AB12345678CD9")).isEmpty();
        assertThat(SameParcelRule.digits("")).isEmpty();
        assertThat(SameParcelRule.digits("ab12345678")).contains("12345678");
    }

    @Test
    void agreesWithTheDefinitionOnRandomNumbers() {
        Random random = new Random(11);
        String alphabet = "0000123456789ABCSFJTYZab-_ /#";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(22);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String waybill = text.toString();
            assertThat(SameParcelRule.digits(waybill)).as(waybill).isEqualTo(defined(waybill));
        }
    }

    @Test
    void theShortTailScanAgreesWithItsRegularExpression() {
        Pattern shortTail = Pattern.compile("(.+)[^A-Z0-9][A-Z0-9]{1,3}");
        Random random = new Random(12);
        String alphabet = "0123456789ABYZab-_ /\n";
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String waybill = text.toString();
            Matcher m = shortTail.matcher(waybill);
            String expected = m.matches() ? m.group(1) : null;
            assertThat(SameParcelRule.beforeShortTail(waybill)).as(waybill).isEqualTo(expected);
            matched += expected == null ? 0 : 1;
        }
        assertThat(SameParcelRule.beforeShortTail("7731234567890-1")).isEqualTo("7731234567890");
        assertThat(matched).as("numbers with a short tail among the random ones").isGreaterThan(10_000);
    }
}
