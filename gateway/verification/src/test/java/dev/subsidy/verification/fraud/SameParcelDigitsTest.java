package dev.subsidy.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void aCoresKeyIsItsNumberAndAgreesWithTheCoresText() {
        Random random = new Random(13);
        int long18 = 0;
        for (int i = 0; i < 200_000; i++) {
            // every other number mostly digits, so that cores of over 18 digits come up too
            String alphabet = i % 2 == 0 ? "0000123456789ABCSFJTYZab-_ /#" : "01234567890123456789A-";
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(26);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String waybill = text.toString();
            Optional<String> core = SameParcelRule.digits(waybill);
            long key = SameParcelRule.coreKey(waybill, waybill.length());
            if (core.isEmpty()) {
                assertThat(key).as(waybill).isEqualTo(SameParcelRule.NO_CORE);
            } else if (core.get().length() <= 18) {
                assertThat(key).as(waybill).isEqualTo(Long.parseLong(core.get()));
            } else {
                assertThat(key).as(waybill).isNegative();
                long18++;
            }
        }
        assertThat(long18).as("cores of more than 18 digits among the random ones").isGreaterThan(100);
    }

    @Test
    void longCoresHaveOneKeyWhateverTheirFormAndTwoKeysApart() {
        String core = "12345678901234567890123";
        long key = SameParcelRule.coreKey(core, core.length());

        for (String form : List.of("SF" + core, "000" + core, "12345-67890-12345-67890-123", core + "XY", "ab" + core)) {
            assertThat(SameParcelRule.coreKey(form, form.length())).as(form).isEqualTo(key);
        }
        assertThat(SameParcelRule.coreKey("12345678901234567890124", 23)).isNotEqualTo(key);
        assertThat(SameParcelRule.coreKey("1234567890123456789012", 22)).isNotEqualTo(key);
    }

    @Test
    void aNumbersTwoKeysAreThoseOfItsCores() {
        long[] keys = new long[2];

        SameParcelRule.coreKeys("7731234567890-1", keys, 0);
        assertThat(keys).containsExactly(77312345678901L, 7731234567890L);
        SameParcelRule.coreKeys("SF12345678-A", keys, 0);
        assertThat(keys).containsExactly(12345678L, SameParcelRule.NO_CORE);
        SameParcelRule.coreKeys("RR123456785CN", keys, 0); // an S10 item: its letters are its identity
        assertThat(keys).containsExactly(SameParcelRule.NO_CORE, SameParcelRule.NO_CORE);
        SameParcelRule.coreKeys(null, keys, 0);
        assertThat(keys).containsExactly(SameParcelRule.NO_CORE, SameParcelRule.NO_CORE);
        for (String waybill : List.of("7731234567890-1", "SF12345678-A", "JT0012345678-12", "1234-5678-9")) {
            SameParcelRule.coreKeys(waybill, keys, 0);
            assertThat(SameParcelRule.cores(waybill)).as(waybill).map(Long::parseLong)
                    .containsExactlyElementsOf(java.util.Arrays.stream(keys).filter(k -> k != SameParcelRule.NO_CORE)
                            .boxed().toList());
        }
    }
}
