package dev.subsidy.connector.http;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.NamedValues;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.ConfigDef.ValueCheck;
import dev.subsidy.connector.http.internal.SettingChecks;
import java.time.Duration;

/**
 * The settings of the {@code http-pull} connector type: their names, as constants, and the
 * {@link ConfigDef} describing them. Every default is written here.
 *
 * <p>Settings are grouped by prefix: the request ({@code base_url}, {@code path}, …), authentication
 * ({@code auth*}, {@code signer*}), pagination ({@code pagination}, {@code page*}, …), the records
 * ({@code records_path}), time windows ({@code window*}), partner errors ({@code error*},
 * {@code *_codes}), retries and the rate limit ({@code retry*}, {@code rate_limit*}). Paths into a
 * reply are JSON Pointers ({@code /data/orders}; {@code ""} is the whole reply). Lists of pairs are
 * written {@code name=value, name=value}; a value may hold commas ({@code fields=tid,modified}): an
 * item without {@code =} continues the previous value.
 *
 * <p>A constants holder: immutable and thread-safe.
 */
public final class HttpPullSettings {

    private HttpPullSettings() {
    }

    // ---- request ----
    /** Partner gateway, scheme and host (and a path prefix), e.g. {@code https://gw.api.taobao.com}. */
    public static final String BASE_URL = "base_url";
    /** Path appended to {@link #BASE_URL}, e.g. {@code /router/rest}; default none. */
    public static final String PATH = "path";
    /** {@code GET} (default) or {@code POST}. */
    public static final String METHOD = "method";
    /** Where {@link #PARAMS} and the paging and window parameters go: {@code query} (default), {@code form} or {@code json} (POST only). */
    public static final String PARAMS_IN = "params_in";
    /** Static parameters sent where {@link #PARAMS_IN} says: {@code method=taobao.trades.sold.increment.get, v=2.0}. */
    public static final String PARAMS = "params";
    /** Static query parameters, always in the URL whatever {@link #PARAMS_IN} says. */
    public static final String QUERY = "query";
    /** Static headers: {@code x-appKey=123, Accept=application/json}. */
    public static final String HEADERS = "headers";
    /**
     * A parameter whose value is a JSON object holding the paging and window parameters, for partners
     * that take their business parameters as one JSON text beside flat system parameters (JD JOS
     * {@code 360buy_param_json}, Douyin {@code param_json}). The text is compact, keys sorted, and is
     * signed as it is sent. Default none: paging and window parameters travel flat.
     */
    public static final String JSON_PARAM = "json_param";
    /** Static members of {@link #JSON_PARAM}'s object, as a JSON object: {@code {"order_by":"update_time","order_asc":false}}. */
    public static final String JSON_PARAM_BASE = "json_param_base";

    // ---- authentication ----
    /** {@code none} (default), {@code basic}, {@code bearer}, {@code api_key} or {@code signer}. */
    public static final String AUTH = "auth";
    /** User name for {@code basic}. */
    public static final String AUTH_USERNAME = "auth_username";
    /** Password for {@code basic}; secret. */
    public static final String AUTH_PASSWORD = "auth_password";
    /** The bearer token, the API key, or the access token sent alongside a signature ({@code session}, {@code access_token}); secret. */
    public static final String AUTH_TOKEN = "auth_token";
    /** The header or parameter carrying {@link #AUTH_TOKEN} for {@code api_key} and {@code signer}. */
    public static final String AUTH_TOKEN_NAME = "auth_token_name";
    /** For {@code api_key}: {@code header} (default) or {@code query}. */
    public static final String AUTH_TOKEN_IN = "auth_token_in";
    /** For {@code signer}: the request signer's name, e.g. {@code taobao-md5}, {@code zto}, {@code pinduoduo}. */
    public static final String SIGNER = "signer";
    /** For {@code signer}: the scheme's secret (app secret, check word, key); secret. */
    public static final String SIGNER_SECRET = "signer_secret";
    /** For {@code signer}: a parameter set to the request time before signing, e.g. {@code timestamp}. */
    public static final String SIGNER_TIMESTAMP_PARAM = "signer_timestamp_param";
    /** Format of {@link #SIGNER_TIMESTAMP_PARAM}: {@code china_local} (default), {@code iso}, {@code unix_seconds}, {@code unix_millis}. */
    public static final String SIGNER_TIMESTAMP_FORMAT = "signer_timestamp_format";
    /** For {@code signer}: values signed but not sent, {@code name=value, …}. */
    public static final String SIGNER_ATTRIBUTES = "signer_attributes";

    // ---- pagination ----
    /** {@code none} (default), {@code page_number}, {@code offset} or {@code cursor}. */
    public static final String PAGINATION = "pagination";
    /** Page number parameter; default {@code page}. */
    public static final String PAGE_PARAM = "page_param";
    /** Number of the first page; default 1 (Douyin counts from 0). */
    public static final String PAGE_START = "page_start";
    /** Page size (or limit) parameter; default {@code page_size}. */
    public static final String PAGE_SIZE_PARAM = "page_size_param";
    /** Records per page; default 100. */
    public static final String PAGE_SIZE = "page_size";
    /** {@code forward} (default) or {@code backward}: ask the first page for the total, then read last to first (Taobao, Pinduoduo increment APIs; time windows only). */
    public static final String PAGE_ORDER = "page_order";
    /** Offset parameter for {@code offset} paging; default {@code offset}. */
    public static final String OFFSET_PARAM = "offset_param";
    /** Cursor parameter for {@code cursor} paging; default {@code cursor}. */
    public static final String CURSOR_PARAM = "cursor_param";
    /** Where the reply holds the next cursor; required for {@code cursor} paging. */
    public static final String NEXT_CURSOR_PATH = "next_cursor_path";
    /** Where the reply holds a "has next page" flag; when set, a false flag ends the paging. */
    public static final String HAS_NEXT_PATH = "has_next_path";
    /** Where the reply holds the total number of records (for {@code backward}, or to stop early). */
    public static final String TOTAL_PATH = "total_path";
    /** Where the reply holds the total number of pages (instead of {@link #TOTAL_PATH}). */
    public static final String TOTAL_PAGES_PATH = "total_pages_path";
    /** Whether a page shorter than {@link #PAGE_SIZE} ends the paging (saves the last, empty call); default false, since some APIs cap pages below the size asked. */
    public static final String STOP_ON_SHORT_PAGE = "stop_on_short_page";

    // ---- records ----
    /** Where the reply holds the records: a JSON Pointer to an array, e.g. {@code /data/orders}; default the whole reply. */
    public static final String RECORDS_PATH = "records_path";

    // ---- incremental time windows ----
    /** Parameter carrying a window's start; setting it turns windows on. */
    public static final String WINDOW_START_PARAM = "window_start_param";
    /** Parameter carrying a window's end. */
    public static final String WINDOW_END_PARAM = "window_end_param";
    /** {@code iso} (default, UTC), {@code china_local} ({@code yyyy-MM-dd HH:mm:ss} in UTC+8), {@code unix_seconds}, {@code unix_millis}. */
    public static final String WINDOW_TIME_FORMAT = "window_time_format";
    /** Start of the first window, ISO-8601 with offset: {@code 2026-03-01T00:00:00+08:00}. */
    public static final String WINDOW_START_AT = "window_start_at";
    /** Longest window asked for, lookback included (Taobao: 1 day, 30 minutes advised; Pinduoduo: 30 minutes); default 1h. */
    public static final String WINDOW_MAX = "window_max";
    /** How far before the committed cursor the next window starts, for records the partner indexes late; default 0. Must be below {@link #WINDOW_MAX}. */
    public static final String WINDOW_LOOKBACK = "window_lookback";
    /** How far behind "now" a window must end, for partners that need time to settle; default 0. */
    public static final String WINDOW_DELAY = "window_delay";

    // ---- partner errors ----
    /**
     * Where an error body holds the partner's code, e.g. {@code /error_response/code}; several pointers,
     * comma-separated, are tried in order and the first that holds a value is the code (JD JOS: gateway
     * errors in {@code /error_response/code}, business errors as {@code apiResult/success} false inside
     * the reply).
     */
    public static final String ERROR_CODE_PATH = "error_code_path";
    /** Where an error body holds the partner's message, e.g. {@code /error_response/msg}; several pointers as for {@link #ERROR_CODE_PATH}. */
    public static final String ERROR_MESSAGE_PATH = "error_message_path";
    /** Codes that mean success when the code is always present (Douyin {@code 10000}); empty: any code is an error. */
    public static final String SUCCESS_CODES = "success_codes";
    /** Codes meaning the partner's rate limit (Taobao {@code 7}, ZTO {@code S221}). */
    public static final String RATE_LIMITED_CODES = "rate_limited_codes";
    /** Codes meaning refused credentials or signature (Taobao {@code 25}, {@code 27}; ZTO {@code S211}). */
    public static final String UNAUTHORIZED_CODES = "unauthorized_codes";
    /** Codes meaning a temporary failure worth retrying. */
    public static final String TRANSIENT_CODES = "transient_codes";

    // ---- retries and rate limit ----
    /** Calls per request, the first included; default 3. */
    public static final String RETRY_MAX_ATTEMPTS = "retry_max_attempts";
    /** First backoff; default 1s. */
    public static final String RETRY_INITIAL_BACKOFF = "retry_initial_backoff";
    /** Backoff growth per attempt; default 2. */
    public static final String RETRY_BACKOFF_MULTIPLIER = "retry_backoff_multiplier";
    /** Longest backoff; default 30s. */
    public static final String RETRY_MAX_BACKOFF = "retry_max_backoff";
    /** Longest single wait inside a poll (backoff, {@code Retry-After}, rate-limit permit); a longer one ends the poll and hands the wait to the gateway. Default 60s. */
    public static final String RETRY_MAX_WAIT = "retry_max_wait";
    /** Calls allowed per {@link #RATE_LIMIT_PERIOD} for this instance; default 0, no limit. */
    public static final String RATE_LIMIT = "rate_limit";
    /** The rate limit's period; default 1s. */
    public static final String RATE_LIMIT_PERIOD = "rate_limit_period";

    /** The descriptor. */
    public static final ConfigDef CONFIG_DEF = ConfigDef.builder()
            .define(Setting.required(BASE_URL, Type.URL, "Partner gateway, e.g. https://gw.api.taobao.com"))
            .define(Setting.optional(PATH, Type.STRING, null, "Path after base_url, e.g. /router/rest"))
            .define(Setting.optional(METHOD, Type.STRING, "GET", "GET or POST").oneOf("GET", "POST"))
            .define(Setting.optional(PARAMS_IN, Type.STRING, "query", "Where parameters go: query, form or json").oneOf("query", "form", "json"))
            .define(Setting.optional(PARAMS, Type.LIST, null, "Static parameters: name=value, name=value").check(SettingChecks.nameValues())
                    .namedValues(NamedValues.PAIRS))
            .define(Setting.optional(QUERY, Type.LIST, null, "Static query parameters, always in the URL").check(SettingChecks.nameValues())
                    .namedValues(NamedValues.PAIRS))
            .define(Setting.optional(HEADERS, Type.LIST, null, "Static headers: Name=value, Name=value").check(SettingChecks.nameValues())
                    .namedValues(NamedValues.PAIRS))
            .define(Setting.optional(JSON_PARAM, Type.STRING, null, "Parameter carrying the paging and window parameters as one JSON object, e.g. 360buy_param_json"))
            .define(Setting.optional(JSON_PARAM_BASE, Type.STRING, null, "Static members of json_param's object, as a JSON object").check(SettingChecks.jsonObject())
                    .namedValues(NamedValues.JSON_OBJECT))

            .define(Setting.optional(AUTH, Type.STRING, "none", "none, basic, bearer, api_key or signer").oneOf("none", "basic", "bearer", "api_key", "signer"))
            .define(Setting.optional(AUTH_USERNAME, Type.STRING, null, "User name for basic"))
            .define(Setting.optional(AUTH_PASSWORD, Type.STRING, null, "Password for basic").secret())
            .define(Setting.optional(AUTH_TOKEN, Type.STRING, null, "Bearer token, API key, or access token sent with a signature").secret())
            .define(Setting.optional(AUTH_TOKEN_NAME, Type.STRING, null, "Header or parameter carrying auth_token (api_key, signer)"))
            .define(Setting.optional(AUTH_TOKEN_IN, Type.STRING, "header", "For api_key: header or query").oneOf("header", "query"))
            .define(Setting.optional(SIGNER, Type.STRING, null, "Request signer name, e.g. taobao-md5"))
            .define(Setting.optional(SIGNER_SECRET, Type.STRING, null, "The signer's secret").secret())
            .define(Setting.optional(SIGNER_TIMESTAMP_PARAM, Type.STRING, null, "Parameter set to the request time before signing, e.g. timestamp"))
            .define(Setting.optional(SIGNER_TIMESTAMP_FORMAT, Type.STRING, "china_local", "Format of the signed timestamp")
                    .oneOf("china_local", "iso", "unix_seconds", "unix_millis"))
            .define(Setting.optional(SIGNER_ATTRIBUTES, Type.LIST, null, "Values signed but not sent: name=value").check(SettingChecks.nameValues())
                    .namedValues(NamedValues.PAIRS))

            .define(Setting.optional(PAGINATION, Type.STRING, "none", "none, page_number, offset or cursor").oneOf("none", "page_number", "offset", "cursor"))
            .define(Setting.optional(PAGE_PARAM, Type.STRING, "page", "Page number parameter"))
            .define(Setting.optional(PAGE_START, Type.INT, "1", "Number of the first page").check(ValueCheck.between(0, 1)))
            .define(Setting.optional(PAGE_SIZE_PARAM, Type.STRING, "page_size", "Page size or limit parameter"))
            .define(Setting.optional(PAGE_SIZE, Type.INT, "100", "Records per page").check(ValueCheck.between(1, 10_000)))
            .define(Setting.optional(PAGE_ORDER, Type.STRING, "forward", "forward, or backward from the last page").oneOf("forward", "backward"))
            .define(Setting.optional(OFFSET_PARAM, Type.STRING, "offset", "Offset parameter"))
            .define(Setting.optional(CURSOR_PARAM, Type.STRING, "cursor", "Cursor parameter"))
            .define(Setting.optional(NEXT_CURSOR_PATH, Type.STRING, null, "JSON Pointer to the next cursor").check(SettingChecks.jsonPointer()))
            .define(Setting.optional(HAS_NEXT_PATH, Type.STRING, null, "JSON Pointer to a has-next flag").check(SettingChecks.jsonPointer()))
            .define(Setting.optional(TOTAL_PATH, Type.STRING, null, "JSON Pointer to the total number of records").check(SettingChecks.jsonPointer()))
            .define(Setting.optional(TOTAL_PAGES_PATH, Type.STRING, null, "JSON Pointer to the total number of pages").check(SettingChecks.jsonPointer()))
            .define(Setting.optional(STOP_ON_SHORT_PAGE, Type.BOOLEAN, "false", "Whether a short page ends the paging"))

            .define(Setting.optional(RECORDS_PATH, Type.STRING, null, "JSON Pointer to the records, e.g. /data/orders; default the whole reply").check(SettingChecks.jsonPointer()))

            .define(Setting.optional(WINDOW_START_PARAM, Type.STRING, null, "Parameter of a window's start; turns time windows on"))
            .define(Setting.optional(WINDOW_END_PARAM, Type.STRING, null, "Parameter of a window's end"))
            .define(Setting.optional(WINDOW_TIME_FORMAT, Type.STRING, "iso", "iso, china_local, unix_seconds or unix_millis")
                    .oneOf("iso", "china_local", "unix_seconds", "unix_millis"))
            .define(Setting.optional(WINDOW_START_AT, Type.STRING, null, "Start of the first window, e.g. 2026-03-01T00:00:00+08:00").check(SettingChecks.dateTime()))
            .define(Setting.optional(WINDOW_MAX, Type.DURATION, "1h", "Longest window, lookback included")
                    .between(Duration.ofSeconds(1), Duration.ofDays(31)))
            .define(Setting.optional(WINDOW_LOOKBACK, Type.DURATION, "0s", "How far before the committed cursor the next window starts")
                    .between(Duration.ZERO, Duration.ofDays(7)))
            .define(Setting.optional(WINDOW_DELAY, Type.DURATION, "0s", "How far behind now a window must end")
                    .between(Duration.ZERO, Duration.ofDays(1)))

            .define(Setting.optional(ERROR_CODE_PATH, Type.LIST, null, "JSON Pointers to the partner's error code, the first that holds one wins").check(SettingChecks.jsonPointers()))
            .define(Setting.optional(ERROR_MESSAGE_PATH, Type.LIST, null, "JSON Pointers to the partner's error message, the first that holds one wins").check(SettingChecks.jsonPointers()))
            .define(Setting.optional(SUCCESS_CODES, Type.LIST, null, "Codes that mean success"))
            .define(Setting.optional(RATE_LIMITED_CODES, Type.LIST, null, "Codes meaning the rate limit"))
            .define(Setting.optional(UNAUTHORIZED_CODES, Type.LIST, null, "Codes meaning refused credentials or signature"))
            .define(Setting.optional(TRANSIENT_CODES, Type.LIST, null, "Codes meaning a temporary failure"))

            .define(Setting.optional(RETRY_MAX_ATTEMPTS, Type.INT, "3", "Calls per request, the first included").check(ValueCheck.between(1, 10)))
            .define(Setting.optional(RETRY_INITIAL_BACKOFF, Type.DURATION, "1s", "First backoff")
                    .between(Duration.ofMillis(10), Duration.ofHours(1)))
            .define(Setting.optional(RETRY_BACKOFF_MULTIPLIER, Type.STRING, "2", "Backoff growth per attempt, from 1 to 10").check(SettingChecks.multiplier()))
            .define(Setting.optional(RETRY_MAX_BACKOFF, Type.DURATION, "30s", "Longest backoff")
                    .between(Duration.ofMillis(10), Duration.ofDays(1)))
            .define(Setting.optional(RETRY_MAX_WAIT, Type.DURATION, "60s", "Longest single wait inside a poll")
                    .between(Duration.ZERO, Duration.ofDays(1)))
            .define(Setting.optional(RATE_LIMIT, Type.INT, "0", "Calls per rate_limit_period; 0 for no limit").check(ValueCheck.between(0, 1_000_000)))
            .define(Setting.optional(RATE_LIMIT_PERIOD, Type.DURATION, "1s", "The rate limit's period")
                    .between(Duration.ofMillis(1), Duration.ofDays(1)))
            .build();
}
