package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.records.RecordKind;
import dev.subsidy.gateway.records.SalesOrder;
import dev.subsidy.gateway.records.Shipment;

/** A record that passed validation: exactly one of shipment and order is set. */
public record ParsedRecord(int index, Shipment shipment, SalesOrder order) {

    public RecordKind kind() {
        return shipment != null ? RecordKind.SHIPMENT : RecordKind.ORDER;
    }

    public String naturalKey() {
        return shipment != null ? shipment.naturalKey() : order.naturalKey();
    }
}
