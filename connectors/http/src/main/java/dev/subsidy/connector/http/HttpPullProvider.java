package dev.subsidy.connector.http;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.http.internal.HttpPullConnector;
import dev.subsidy.connector.http.internal.SettingChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code http-pull} connector type: any HTTP JSON API, described by settings alone
 * ({@link HttpPullSettings}). Found by {@link java.util.ServiceLoader}.
 *
 * <p>What it covers: authentication (none, basic, bearer, an API key in a header or the query, or a
 * named {@link dev.subsidy.connector.api.RequestSigner}); pagination by page number (also backwards
 * from the last page, for Taobao-style increment APIs), offset, cursor or has-next flag; incremental
 * time windows with a maximum size and a lookback on the committed cursor; record selection by JSON
 * Pointer; a rate limit per instance and retries with exponential backoff that honour
 * {@code Retry-After}; partner error bodies mapped to failure reasons.
 *
 * <p>Stateless and thread-safe, as every provider: {@link #create()} returns a new instance, which
 * reaches the network only through its context's {@link dev.subsidy.connector.api.HttpTransport}.
 */
public final class HttpPullProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "http-pull";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PULL;
    }

    @Override
    public ConfigDef configDef() {
        return HttpPullSettings.CONFIG_DEF;
    }

    /** Every problem at once: single settings, then combinations (what an auth mode, backward paging or windows need). */
    @Override
    public List<ConfigProblem> validate(Map<String, String> settings) {
        List<ConfigProblem> problems = new ArrayList<>(configDef().validate(settings));
        problems.addAll(SettingChecks.combinations(configDef(), settings));
        return List.copyOf(problems);
    }

    @Override
    public Connector create() {
        return new HttpPullConnector();
    }

    @Override
    public String description() {
        return "Any HTTP JSON API: paging, time windows, signatures, rate limit and retries by settings";
    }
}
