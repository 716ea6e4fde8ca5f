package dev.subsidy.intake;

import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;


/**
 * A record that passed validation: exactly one of shipment and order is set.
 *
 * @param payload the raw payload it arrived as ({@link BodyRecord#payload()}), or null
 */
public record ParsedRecord(int index, Shipment shipment, SalesOrder order, String payload) {

    public RecordKind kind() {
        return shipment != null ? RecordKind.SHIPMENT : RecordKind.ORDER;
    }

    public String naturalKey() {
        return shipment != null ? shipment.naturalKey() : order.naturalKey();
    }
}
