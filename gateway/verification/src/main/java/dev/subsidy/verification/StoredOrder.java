package dev.subsidy.verification;

import dev.subsidy.model.SalesOrder;
import java.util.List;

/** The current version of an order with what intake learnt about it. */
public record StoredOrder(SalesOrder record, List<String> connectors, int duplicates) {}
