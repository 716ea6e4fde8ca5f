package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CSV cells are text: the standard feed's reader gives typed columns their JSON types, strictly. */
class CsvRecordReaderTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final StandardRecordParser parser = new StandardRecordParser(Map.of());
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    private static final String HEADER = "kind,platform,orderId,shopId,channel,status,paidAt,amount,crossBorder,waybills\n";
    private static final String ROW = "order,PDD,%s,pdd-771203,B2C,PAID,2026-10-03T10:00:00+08:00,%s,%s,%s\n";

    private List<Object> parse(String csv) {
        List<BodyRecord> records = new CsvRecordReader(csv, json).next(100);
        return records.stream().map(r -> parser.parse(r, now)).toList();
    }

    @Test
    void trueAndFalseInAnyCaseAreBooleansAndNothingElseIs() {
        List<Object> results = parse(HEADER + ROW.formatted("T1", "10.00", "TRUE", "") + ROW.formatted("T2", "10.00", "false", "")
                + ROW.formatted("T3", "10.00", "yes", "") + ROW.formatted("T4", "10.00", "1", ""));
        assertThat(((ParsedRecord) results.get(0)).order().crossBorder()).isTrue();
        assertThat(((ParsedRecord) results.get(1)).order().crossBorder()).isFalse();
        assertThat(((Rejection) results.get(2)).reason()).contains("crossBorder: must be true or false, got the text 'yes'");
        assertThat(((Rejection) results.get(3)).reason()).contains("crossBorder: must be true or false, got the text '1'");
    }

    @Test
    void listCellsAreSplitAndAmountsStayText() {
        List<Object> results = parse(HEADER + ROW.formatted("L1", "88.00", "", "ZTO:7312;ＺＴＯ:７３１３|SF:SF1")
                + ROW.formatted("L2", "1e3", "", "") + ROW.formatted("L3", "８８.００", "", ""));
        assertThat(((ParsedRecord) results.get(0)).order().waybills()).containsExactly("ZTO:7312", "ZTO:7313", "SF:SF1");
        assertThat(((Rejection) results.get(1)).reason()).contains("amount: '1e3' is not a decimal amount");
        assertThat(((Rejection) results.get(2)).reason()).contains("amount: '８８.００' is not a decimal amount");
    }

    @Test
    void wholeNumberColumnsTakeAsciiDigitsOnly() {
        String csv = "kind,carrier,waybillNo,collectedAt,originSite,destRegion,weightGrams,traceEvents\n"
                + "shipment,ZTO,W1,2026-10-03T18:00:00+08:00,CJ-ZTO-01,440106,1200,4\n"
                + "shipment,ZTO,W2,2026-10-03T18:00:00+08:00,CJ-ZTO-01,440106,1.2,-3\n"
                + "shipment,ZTO,W3,2026-10-03T18:00:00+08:00,CJ-ZTO-01,440106,１２００,99999999999\n";
        List<Object> results = parse(csv);
        assertThat(((ParsedRecord) results.get(0)).shipment().weightGrams()).isEqualTo(1200);
        assertThat(((ParsedRecord) results.get(0)).shipment().traceEvents()).isEqualTo(4);
        assertThat(((Rejection) results.get(1)).reason()).contains("weightGrams: must be a whole number, got the text '1.2'",
                "traceEvents: must not be negative, got -3");
        assertThat(((Rejection) results.get(2)).reason()).contains("weightGrams: must be a whole number, got the text '１２００'",
                "traceEvents: 99999999999 is more than 2147483647");
    }

    @Test
    void aReaderForOtherColumnsLeavesEveryCellText() {
        List<BodyRecord> records = new CsvRecordReader("taxRegistered,shops\ntrue,TAOBAO:a;PDD:b\n", json, Set.of("shops"))
                .next(10);
        assertThat(records.get(0).fields().get("taxRegistered").isTextual()).isTrue();
        assertThat(records.get(0).fields().get("shops")).hasSize(2);
    }
}
