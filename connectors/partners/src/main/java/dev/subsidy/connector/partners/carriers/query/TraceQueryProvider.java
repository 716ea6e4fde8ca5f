package dev.subsidy.connector.partners.carriers.query;

import static dev.subsidy.connector.partners.carriers.query.TraceQuerySettings.*;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code trace-query} connector type: a carrier's trace query for known waybill numbers (the
 * verification path of docs/partners.md), in the carrier's documented request shape and signature
 * ({@link QueryProtocol}), with retries that honour the carrier's rate-limit errors. Settings:
 * {@link TraceQuerySettings}. Stateless and thread-safe.
 */
public final class TraceQueryProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "trace-query";

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
        return TraceQuerySettings.CONFIG_DEF;
    }

    /** The descriptor's problems, then what a carrier needs: kuaidi100 a company, batches within the carrier's limit. */
    @Override
    public List<ConfigProblem> validate(Map<String, String> settings) {
        List<ConfigProblem> problems = new ArrayList<>(configDef().validate(settings));
        Optional<CarrierApi> carrier = CarrierApi.named(settings.get(CARRIER));
        if (carrier.isEmpty()) {
            return List.copyOf(problems);
        }
        if (carrier.get() == CarrierApi.KUAIDI100 && blank(settings.get(COMPANY))) {
            problems.add(new ConfigProblem(COMPANY, "required for kuaidi100: the carrier's company code (zhongtong, shunfeng, …)"));
        }
        int max = QueryProtocol.of(carrier.get()).maxPerCall();
        String size = settings.get(BATCH_SIZE);
        if (!blank(size) && size.trim().matches("[0-9]+") && Integer.parseInt(size.trim()) > max) {
            problems.add(new ConfigProblem(BATCH_SIZE, carrier.get().settingName() + " answers at most " + max + " waybills per call"));
        }
        return List.copyOf(problems);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public Connector create() {
        return new TraceQueryConnector();
    }

    @Override
    public String description() {
        return "A carrier's trace query (ZTO, SF, STO, YTO, J&T, Yunda, JD Logistics, Cainiao, kuaidi100) for known waybills";
    }
}
