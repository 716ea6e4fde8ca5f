package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.util.Optional;

/**
 * The settings of a {@code trace-query} definition. Secrets ({@link #APP_SECRET},
 * {@link #ACCESS_TOKEN}) are written {@code ${env:NAME}} in a definition, never as values.
 */
public final class TraceQuerySettings {

    /** Which carrier: {@code zto}, {@code sf}, {@code sto}, {@code yto}, {@code jt}, {@code yunda}, {@code jd}, {@code cainiao}, {@code kuaidi100}. */
    public static final String CARRIER = "carrier";
    /** The carrier's gateway, e.g. {@code https://japi.zto.com}. */
    public static final String BASE_URL = "base_url";
    /** The API path; each carrier has its documented default. */
    public static final String PATH = "path";
    /** The account (ZTO appKey, SF partnerID, J&amp;T apiAccount, kuaidi100 customer, …). */
    public static final String APP_KEY = "app_key";
    /** The signature secret (secret). */
    public static final String APP_SECRET = "app_secret";
    /** JD Logistics' access token (secret, optional). */
    public static final String ACCESS_TOKEN = "access_token";
    /** Company or customer code where the carrier needs one: kuaidi100 com, STO from_code, JD customerCode, Cainiao to_code. */
    public static final String COMPANY = "company";
    /** Last four digits of the phone the carrier checks (ZTO, SF, kuaidi100). */
    public static final String PHONE = "phone";
    /**
     * The waybill numbers to ask about, comma-separated; none for a definition the gateway's trace
     * verification asks through and that polls nothing on its own.
     */
    public static final String WAYBILLS = "waybills";
    /** Waybills per call; at most (and by default) what the carrier allows. */
    public static final String BATCH_SIZE = "batch_size";
    /** CarrierApi codes meaning a refused signature or credential, replacing the carrier's defaults. */
    public static final String UNAUTHORIZED_CODES = "unauthorized_codes";
    /** CarrierApi codes meaning its rate limit, replacing the defaults. */
    public static final String RATE_LIMITED_CODES = "rate_limited_codes";
    /** CarrierApi codes worth retrying, replacing the defaults. */
    public static final String TRANSIENT_CODES = "transient_codes";
    /** Calls per request, the first included. */
    public static final String RETRY_MAX_ATTEMPTS = "retry_max_attempts";
    /** First backoff; doubles per attempt unless the carrier says Retry-After. */
    public static final String RETRY_INITIAL_BACKOFF = "retry_initial_backoff";
    /** Longest wait inside a poll; a longer one ends the poll and is handed to the gateway. */
    public static final String RETRY_MAX_WAIT = "retry_max_wait";

    /** Every setting of the type. */
    public static final ConfigDef CONFIG_DEF = ConfigDef.builder()
            .define(Setting.required(CARRIER, Type.STRING, "one of " + CarrierApi.names())
                    .oneOf(java.util.Arrays.stream(CarrierApi.values()).map(CarrierApi::settingName).toArray(String[]::new)))
            .define(Setting.required(BASE_URL, Type.URL, "The carrier's API gateway, e.g. https://japi.zto.com"))
            .define(Setting.optional(PATH, Type.STRING, null, "API path; the carrier's documented one by default"))
            .define(Setting.required(APP_KEY, Type.STRING, "The account at the carrier"))
            .define(Setting.required(APP_SECRET, Type.STRING, "The signature secret").secret())
            .define(Setting.optional(ACCESS_TOKEN, Type.STRING, null, "JD Logistics access token").secret())
            .define(Setting.optional(COMPANY, Type.STRING, null, "kuaidi100 com, STO from_code, JD customerCode, Cainiao to_code"))
            .define(Setting.optional(PHONE, Type.STRING, null, "Last four digits of the phone the carrier checks")
                    .check(v -> v.matches("[0-9]{4}") ? Optional.empty() : Optional.of("must be four digits")))
            .define(Setting.optional(WAYBILLS, Type.LIST, null,
                    "Waybill numbers to ask about; none for a definition kept for trace verification only"))
            .define(Setting.optional(BATCH_SIZE, Type.INT, null, "Waybills per call; at most the carrier's limit")
                    .check(ConfigDef.ValueCheck.between(1, 100)))
            .define(Setting.optional(UNAUTHORIZED_CODES, Type.LIST, null, "CarrierApi codes: signature or credential refused"))
            .define(Setting.optional(RATE_LIMITED_CODES, Type.LIST, null, "CarrierApi codes: its rate limit"))
            .define(Setting.optional(TRANSIENT_CODES, Type.LIST, null, "CarrierApi codes worth retrying"))
            .define(Setting.optional(RETRY_MAX_ATTEMPTS, Type.INT, "3", "Calls per request, the first included")
                    .check(ConfigDef.ValueCheck.between(1, 10)))
            .define(Setting.optional(RETRY_INITIAL_BACKOFF, Type.DURATION, "1s", "First backoff, doubled per attempt"))
            .define(Setting.optional(RETRY_MAX_WAIT, Type.DURATION, "60s", "Longest wait inside a poll"))
            .build();

    private TraceQuerySettings() {
    }
}
