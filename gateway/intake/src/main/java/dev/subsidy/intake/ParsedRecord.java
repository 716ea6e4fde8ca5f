package dev.subsidy.intake;

import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;


/** A record that passed validation: exactly one of shipment and order is set. */
public record ParsedRecord(int index, Shipment shipment, SalesOrder order) {

    public RecordKind kind() {
        return shipment != null ? RecordKind.SHIPMENT : RecordKind.ORDER;
    }

    public String naturalKey() {
        return shipment != null ? shipment.naturalKey() : order.naturalKey();
    }
}
