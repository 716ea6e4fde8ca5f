/**
 * Express firms (ZTO, SF, STO, YTO, J&amp;T, Yunda, JD Logistics, Cainiao, and the kuaidi100
 * aggregator): what configuration alone cannot express.
 *
 * <ul>
 *   <li>{@link dev.subsidy.connector.partners.carriers.query.TraceQueryProvider trace-query}: asks a
 *       carrier for the route of known waybill numbers (the verification path), in the carrier's own
 *       request shape and signature, and hands the reply on one waybill at a time;</li>
 *   <li>{@link dev.subsidy.connector.partners.carriers.push.TracePushProvider trace-push}: receives a
 *       carrier's trace push, verifies its signature where the carrier signs (ZTO, kuaidi100, STO,
 *       Cainiao, J&amp;T), splits it per waybill and answers in the carrier's acknowledgement shape;</li>
 * </ul>
 * The trace records become standard shipments through the mappings {@code <carrier>-trace-push}
 * (and {@code zto-trace-query}, {@code sf-routes} where a query reply differs from the push).
 */
package dev.subsidy.connector.partners.carriers;
