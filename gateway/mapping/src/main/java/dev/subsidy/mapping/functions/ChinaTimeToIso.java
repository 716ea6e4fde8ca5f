package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code china-time-to-iso(text)}: a wall-clock time in China (UTC+8) to ISO-8601 with
 * {@code +08:00}. Partners and exports write it as {@code yyyy-MM-dd HH:mm:ss} (TOP, Pinduoduo,
 * ZTO, SF) but a branch's spreadsheet may give {@code 2026/3/1 9:05}, {@code 2026.03.01 09:05:00} or a
 * date alone (midnight); fractions of a second are dropped. Text that already carries an offset is
 * taken at its own offset. Anything else, or a date that does not exist, is refused.
 */
final class ChinaTimeToIso extends SimpleFunction {

    private static final Pattern WALL_CLOCK = Pattern.compile(
            "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?)?");

    ChinaTimeToIso() {
        super("china-time-to-iso", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode time = arguments[0];
        if (absent(time)) {
            return NullNode.instance;
        }
        if (!time.isTextual()) {
            throw refuse(time, "is not text (unix seconds go to unix-to-iso)");
        }
        String text = time.textValue().strip();
        Matcher m = WALL_CLOCK.matcher(text);
        try {
            if (m.matches()) {
                LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                        number(m, 4), number(m, 5), number(m, 6));
                return TextNode.valueOf(ChinaTime.iso(local.atOffset(ChinaTime.OFFSET)));
            }
            return TextNode.valueOf(ChinaTime.iso(OffsetDateTime.parse(text)));
        } catch (DateTimeException e) {
            throw refuse(time, "is not a date and time such as 2026-03-01 10:30:00");
        }
    }

    private static int number(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
