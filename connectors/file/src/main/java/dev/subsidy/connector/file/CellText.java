package dev.subsidy.connector.file;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * A spreadsheet cell as text, without the damage a double or a display format would do.
 *
 * <ul>
 *   <li>Numbers: Excel keeps 15 significant digits, so the stored double is rounded to 15 of them and
 *       written plainly: a waybill number {@code 731234567890123} stays that (not {@code 7.31234567890123E14}),
 *       {@code 200.07} stays {@code 200.07} (not {@code 200.06999999999999}). Decimal places that a
 *       fixed format such as {@code 0.00} shows are kept ({@code 12.30}); thousands separators and
 *       currency signs of the format are not added.</li>
 *   <li>Dates: {@code yyyy-MM-dd HH:mm:ss}, to the nearest second, or {@code yyyy-MM-dd} for a date
 *       format at midnight; China wall-clock time, as the export shows it.</li>
 *   <li>Formulas: their cached result, as above; errors as Excel writes them ({@code #N/A}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class CellText {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    /** The decimal places of a fixed-point format: {@code 0.00}, {@code #,##0.000}. */
    private static final Pattern FIXED_DECIMALS = Pattern.compile("^[#,0]*0\\.(0+)(?:_.*|;.*)?$");

    private CellText() {}

    static String of(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell, date1904) : number(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static String number(Cell cell) {
        double value = cell.getNumericCellValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal exact = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
        int shown = fixedDecimals(cell.getCellStyle().getDataFormatString());
        if (exact.scale() < shown) {
            exact = exact.setScale(shown);
        }
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        return exact.toPlainString();
    }

    private static int fixedDecimals(String format) {
        if (format == null) {
            return 0;
        }
        Matcher m = FIXED_DECIMALS.matcher(format.strip());
        return m.matches() ? m.group(1).length() : 0;
    }

    private static String date(Cell cell, boolean date1904) {
        LocalDateTime time = DateUtil.getLocalDateTime(cell.getNumericCellValue(), date1904, true);
        String format = cell.getCellStyle().getDataFormatString();
        boolean showsTime = format != null && format.toLowerCase(Locale.ROOT).matches(".*[hs].*");
        return !showsTime && time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.format(DATE) : time.format(DATE_TIME);
    }
}
