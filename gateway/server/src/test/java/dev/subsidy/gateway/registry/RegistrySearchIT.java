package dev.subsidy.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.model.CreditCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/registry/subjects} (search) and {@code PUT …} with an XLSX workbook, over HTTP on
 * the shared gateway. Each test finds only its own subjects by a marker in their names.
 */
class RegistrySearchIT extends SharedGateway {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SUBJECTS = "/api/v1/registry/subjects";

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private GatewayClient.Reply search(String query) {
        return gateway.get(SUBJECTS + "?" + query, Tokens.ADMIN);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** A workbook whose first sheet holds the rows, every cell text except numbers given as numbers. */
    private static byte[] workbook(String sheetName, Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object cell = rows[r][c];
                    if (cell instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (cell != null) {
                        row.createCell(c).setCellValue(cell.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsxWorkbookIsImportedRowByRowAndABadRowIsRejectedNamingItsSheetRow() throws IOException {
        String good = code("92522633MA6XK0001");
        String bad = code("92522633MA6XK0002");
        byte[] book = workbook("名录",
                new Object[] {"type", "id", "name", "region", "taxRegistered", "shops", "categories"},
                // the region typed as a number, as Excel keeps a column of codes
                new Object[] {"merchant", good, "XLSXIT 香猪店", 522633101, "是", "TAOBAO:xlsxit-1;PDD:xlsxit-2", "LOCAL_PRODUCT"},
                new Object[] {"MERCHANT", bad, "XLSXIT 坏行", "从江县", "也许"});

        GatewayClient.Reply reply = gateway.send("PUT", SUBJECTS, Tokens.ADMIN, XLSX, book);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("upserted").asInt()).isEqualTo(1);
        JsonNode rejected = reply.json().get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("reason").asText())
                .startsWith("sheet 名录, row 3: ").contains("region").contains("taxRegistered");

        JsonNode found = search("q=xlsxit").json();
        assertThat(ids(found)).containsExactly(good);
        JsonNode subject = found.get("items").get(0);
        assertThat(subject.get("region").asText()).isEqualTo("522633101");
        assertThat(subject.get("taxRegistered").asBoolean()).isTrue();
        assertThat(subject.get("shops").findValuesAsText("shopId")).containsExactly("xlsxit-1", "xlsxit-2");
        assertThat(subject.get("categories").get(0).asText()).isEqualTo("LOCAL_PRODUCT");
    }

    @Test
    void aBodyThatIsNotAWorkbookIs400AndAnUnknownFormatIs415NamingTheRegistrysFormats() {
        GatewayClient.Reply notABook = gateway.send("PUT", SUBJECTS, Tokens.ADMIN, XLSX,
                "type,id\nMERCHANT,x".getBytes(StandardCharsets.UTF_8));
        GatewayClient.Reply unknown = gateway.send("PUT", SUBJECTS, Tokens.ADMIN, "application/pdf",
                "%PDF".getBytes(StandardCharsets.UTF_8));

        assertThat(notABook.status()).isEqualTo(400);
        assertThat(notABook.json().get("error").asText()).contains("not a readable XLSX workbook");
        assertThat(unknown.status()).isEqualTo(415);
        assertThat(unknown.json().get("error").asText()).contains("text/csv").contains(XLSX);
    }

    @Test
    void searchPagesInIdOrderWithTheTotalAndFiltersByTypeAndRegion() {
        List<String> codes = List.of(code("92522633MA6PG0003"), code("92522633MA6PG0001"), code("92522633MA6PG0002"));
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < codes.size(); i++) {
            body.append(i == 0 ? "" : ",").append("""
                {"type": "MERCHANT", "id": "%s", "name": "PageIT 商户 %d", "region": "52263310%d"}""".formatted(codes.get(i), i, i));
        }
        body.append(",").append("""
            {"type": "STATION", "id": "PAGEIT-ST-1", "name": "PageIT 服务站", "region": "522633101"}]""");
        assertThat(gateway.putJson(SUBJECTS, Tokens.ADMIN, body.toString()).status()).isEqualTo(200);
        List<String> sorted = codes.stream().sorted().toList();

        JsonNode first = search("q=pageit&type=merchant&size=2").json();
        JsonNode second = search("q=PAGEIT&type=MERCHANT&size=2&page=1").json();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(ids(second)).containsExactly(sorted.get(2));
        assertThat(ids(search("q=pageit&region=522633101").json())).containsExactly(codes.get(1), "PAGEIT-ST-1");
        assertThat(ids(search("q=pageit&type=STATION").json())).containsExactly("PAGEIT-ST-1");
    }

    @Test
    void everyBadFilterIsNamedInOne400() {
        GatewayClient.Reply reply = search("type=SHOP&region=5226&page=-1&size=501&q=" + "长".repeat(101));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("error").asText())
                .contains("type: 'SHOP' is not a subject type").contains("MERCHANT")
                .contains("region: '5226' is not a region code")
                .contains("page: must be a whole number from 0")
                .contains("size: must be a whole number from 1 to 500")
                .contains("q: at most 100 characters");
    }

    @Test
    void percentInTheTextIsMatchedLiterally() {
        assertThat(gateway.putJson(SUBJECTS, Tokens.ADMIN, """
            [{"type": "STATION", "id": "LIKEIT-1", "name": "LikeIT 100% 站", "region": "522633101"},
             {"type": "STATION", "id": "LIKEIT-2", "name": "LikeIT 1000 站", "region": "522633101"}]""").status())
                .isEqualTo(200);

        assertThat(ids(search("q=likeit%20100%25").json())).containsExactly("LIKEIT-1");
    }
}
