package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one trace query needs: where to send it, the account and its secrets, the waybills, and
 * the time to sign with. Immutable; {@link #toString()} shows no secret.
 *
 * @param endpoint the absolute URL of the carrier's trace API (base URL and path)
 * @param appKey the account: ZTO x-appKey, SF partnerID, STO from_appkey, YTO partner id, J&amp;T
 *     apiAccount, Yunda app-key, JD app_key, Cainiao logistic_provider_id, kuaidi100 customer
 * @param secret the signature secret (app secret, check word, private key, key)
 * @param accessToken JD Logistics' access token, when the account has one
 * @param company a company or customer code where the carrier needs one (kuaidi100 com, STO from_code,
 *     JD customerCode, Cainiao to_code); may be {@code null}
 * @param phone last four digits of the receiver's or sender's phone (ZTO, SF, kuaidi100 ask for it
 *     to show full traces); may be {@code null}
 * @param waybills the waybill numbers of this call, at most {@link QueryProtocol#maxPerCall()}
 * @param now the time to put in a signed timestamp
 * @param signer the carrier's request signer
 */
public record QueryCall(URI endpoint, String appKey, Secret secret, Optional<Secret> accessToken, String company,
                        String phone, List<String> waybills, Instant now, RequestSigner signer) {

    public QueryCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(secret, "secret");
        accessToken = Objects.requireNonNullElse(accessToken, Optional.empty());
        waybills = List.copyOf(waybills);
        if (waybills.isEmpty()) {
            throw new IllegalArgumentException("a trace query needs at least one waybill");
        }
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(signer, "signer");
    }

    /** The only waybill of a carrier that asks for one at a time. */
    public String waybill() {
        return waybills.get(0);
    }

    @Override
    public String toString() {
        return "QueryCall[" + endpoint.getHost() + endpoint.getPath() + ", waybills=" + waybills + ", secret=****]";
    }
}
