package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.util.List;

/**
 * One carrier's trace query: how its documented request looks and is signed, and how its reply turns
 * into one source record per waybill that has scans. Usable on its own with any
 * {@link dev.subsidy.connector.api.HttpTransport} (the gateway's verification path), and inside the
 * {@code trace-query} connector.
 *
 * <p>Implementations are stateless and thread-safe. They never log, and their exception messages name
 * codes and the carrier's message but never a secret or a signature.
 */
public interface QueryProtocol {

    /** The carrier's protocol. */
    static QueryProtocol of(CarrierApi carrier) {
        return switch (carrier) {
            case ZTO -> new ZtoQuery();
            case SF -> new SfQuery();
            case STO -> new StoQuery();
            case YTO -> new YtoQuery();
            case JT -> new JtQuery();
            case YUNDA -> new YundaQuery();
            case JD -> new JdQuery();
            case CAINIAO -> new CainiaoQuery();
            case KUAIDI100 -> new Kuaidi100Query();
        };
    }

    /** The name of the {@link dev.subsidy.connector.api.RequestSigner} the carrier's scheme is. */
    String signerName();

    /** The API path when a definition gives none, appended to the base URL. */
    String defaultPath(String appKey);

    /** Most waybills the carrier answers in one call. */
    int maxPerCall();

    /** The carrier's error codes, as far as they are known (see {@link ErrorCodes}). */
    ErrorCodes defaultCodes();

    /** The signed request for these waybills, as the carrier documents it. */
    HttpCall request(QueryCall call);

    /**
     * The reply's traces, one record per waybill that has at least one scan, positioned
     * {@code "waybill <number>"}, in the shape the carrier's mapping reads.
     *
     * @param reply the reply body, already read as JSON (HTTP failures are handled before)
     * @throws ConnectorException with the reason of the carrier's error code, or
     *     {@link ConnectorException.Reason#BAD_PAYLOAD} when the reply is not the documented shape
     */
    List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException;
}
