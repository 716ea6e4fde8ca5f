package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.partners.carriers.CarrierApi;
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
 * <p>Settings: {@code carrier} (zto, sf, sto, yto, jt, yunda, jd, cainiao, kuaidi100),
 * {@code verify_secret} (secret: ZTO's app secret, kuaidi100's subscription salt, STO's and Cainiao's
 * secret key, J&amp;T's private key), required where the carrier always signs (ZTO, kuaidi100), and
 * {@code unsigned} (kuaidi100 only, default false): the subscription was made without a salt, so its
 * pushes carry no keyed signature and are accepted on the feeder token alone, which the connector logs
 * when it starts. Stateless and thread-safe.
 */
public final class TracePushProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "trace-push";
    /** Which carrier pushes. */
    public static final String CARRIER = "carrier";
    /** The secret the carrier signs its pushes with. */
    public static final String VERIFY_SECRET = "verify_secret";
    /** kuaidi100 subscribed without a salt: its pushes are not signed with a secret. */
    public static final String UNSIGNED = "unsigned";

    /** Why {@code unsigned} does not fit a definition. */
    static final String UNSIGNED_MISUSE = "unsigned: true is only for a kuaidi100 subscription made without a salt, and then without verify_secret";

    private static final ConfigDef CONFIG_DEF = ConfigDef.builder()
            .define(Setting.required(CARRIER, Type.STRING, "one of " + CarrierApi.names())
                    .oneOf(Arrays.stream(CarrierApi.values()).map(CarrierApi::settingName).toArray(String[]::new)))
            .define(Setting.optional(VERIFY_SECRET, Type.STRING, null, "The secret the carrier signs its pushes with").secret())
            .define(Setting.optional(UNSIGNED, Type.BOOLEAN, "false",
                    "kuaidi100 only: the subscription has no salt, so pushes are accepted on the feeder token alone (logged)"))
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
        Optional<CarrierApi> carrier = CarrierApi.named(settings.get(CARRIER));
        if (carrier.isEmpty()) {
            return List.copyOf(problems);
        }
        PushFormat format = PushFormat.of(carrier.get());
        String secret = settings.get(VERIFY_SECRET);
        boolean given = secret != null && !secret.isBlank();
        boolean unsigned = "true".equalsIgnoreCase(String.valueOf(settings.get(UNSIGNED)).trim());
        if (unsigned) {
            if (carrier.get() != CarrierApi.KUAIDI100) {
                problems.add(new ConfigProblem(UNSIGNED, "only a kuaidi100 subscription can be made without a salt; "
                        + carrier.get().settingName() + " pushes are " + (format.verifier().isPresent()
                                ? "verified with verify_secret when it is given" : "not signed: leave unsigned out")));
            } else if (given) {
                problems.add(new ConfigProblem(UNSIGNED, "give either verify_secret (the salt of the subscription) or unsigned: true "
                        + "(a subscription without a salt), not both"));
            }
            return List.copyOf(problems);
        }
        if (format.verifierRequired() && !given) {
            problems.add(new ConfigProblem(VERIFY_SECRET, carrier.get() == CarrierApi.KUAIDI100
                    ? "required: kuaidi100 signs its pushes with the salt given when subscribing; for a subscription made without "
                            + "a salt set unsigned: true instead (its pushes are then accepted on the feeder token alone)"
                    : "required: " + carrier.get().settingName() + " signs its pushes"));
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
