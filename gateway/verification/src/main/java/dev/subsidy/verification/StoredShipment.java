package dev.subsidy.verification;

import dev.subsidy.model.Shipment;
import java.util.List;

/** The current version of a shipment with what intake learnt about it. */
public record StoredShipment(Shipment record, List<String> connectors, int duplicates) {}
