package dev.subsidy.gateway.verification;

import dev.subsidy.gateway.records.SalesOrder;
import java.util.List;

/** The current version of an order with what intake learnt about it. */
public record StoredOrder(SalesOrder record, List<String> connectors, int duplicates) {}
