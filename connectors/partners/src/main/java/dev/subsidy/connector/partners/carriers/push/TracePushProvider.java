package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.partners.carriers.Carrier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code trace-push} connector type: a carrier posts its trace events (to
 * {@code POST /api/v1/feeds/{id}/records}); the connector checks the carrier's signature where the
 * carrier signs its pushes, cuts the push into one record per waybill for the definition's mapping
 * ({@code <carrier>-trace-push}), and answers in the carrier's acknowledgement shape.
 *
 * <p>Settings: {@code carrier} (zto, sf, sto, yto, jt, yunda, jd, cainiao, kuaidi100) and
 * {@code verify_secret} (secret: ZTO's app secret, kuaidi100's subscription salt, STO's and Cainiao's
 * secret key, J&amp;T's private key), required where the carrier always signs (ZTO, kuaidi100).
 * Stateless and thread-safe.
 */
public final class TracePushProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "trace-push";
    /** Which carrier pushes. */
    public static final String CARRIER = "carrier";
    /** The secret the carrier signs its pushes with. */
    public static final String VERIFY_SECRET = "verify_secret";

    private static final ConfigDef CONFIG_DEF = ConfigDef.builder()
            .define(Setting.required(CARRIER, Type.STRING, "one of " + Carrier.names())
                    .oneOf(Arrays.stream(Carrier.values()).map(Carrier::settingName).toArray(String[]::new)))
            .define(Setting.optional(VERIFY_SECRET, Type.STRING, null, "The secret the carrier signs its pushes with").secret())
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.PUSH;
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG_DEF;
    }

    /** The descriptor's problems, then: a carrier that always signs needs the secret; one with no known scheme cannot use one. */
    @Override
    public List<ConfigProblem> validate(Map<String, String> settings) {
        List<ConfigProblem> problems = new ArrayList<>(configDef().validate(settings));
        Optional<Carrier> carrier = Carrier.named(settings.get(CARRIER));
        if (carrier.isEmpty()) {
            return List.copyOf(problems);
        }
        PushFormat format = PushFormat.of(carrier.get());
        String secret = settings.get(VERIFY_SECRET);
        boolean given = secret != null && !secret.isBlank();
        if (format.verifierRequired() && !given) {
            problems.add(new ConfigProblem(VERIFY_SECRET, "required: " + carrier.get().settingName() + " signs its pushes"));
        }
        if (format.verifier().isEmpty() && given) {
            problems.add(new ConfigProblem(VERIFY_SECRET, "no signature scheme is known for " + carrier.get().settingName() + " pushes; leave it out"));
        }
        return List.copyOf(problems);
    }

    @Override
    public Connector create() {
        return new TracePushConnector();
    }

    @Override
    public String description() {
        return "A carrier's trace push, its signature checked, cut per waybill, acknowledged in the carrier's shape";
    }
}
