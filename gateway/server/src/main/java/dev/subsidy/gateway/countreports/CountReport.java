package dev.subsidy.gateway.countreports;

import dev.subsidy.model.Metric;
import java.math.BigDecimal;

/**
 * A total a firm reports (点数报表): for the whole subject, one of its sites or one of its shops, for a
 * period and a measured metric, as the named source reported it. Never paid on: it is set beside the
 * verified figure (docs/figures.md "Reported totals").
 *
 * @param scope {@link Scope#whole()}, a site or a shop of the subject
 */
public record CountReport(String subjectId, Scope scope, String period, Metric metric, BigDecimal value, String source) {

    /** What part of the subject a report covers; its wire form is stored as it is. */
    public record Scope(Kind kind, String code) {

        /** The whole subject, a site {@code CARRIER:siteCode}, or a shop {@code PLATFORM:shopId}. */
        public enum Kind { SUBJECT, SITE, SHOP }

        public static Scope whole() {
            return new Scope(Kind.SUBJECT, null);
        }

        /** '' for the whole subject, {@code site:ZTO:CJ-01} or {@code shop:TAOBAO:tea-001}. */
        public String stored() {
            return switch (kind) {
                case SUBJECT -> "";
                case SITE -> "site:" + code;
                case SHOP -> "shop:" + code;
            };
        }

        public static Scope ofStored(String stored) {
            if (stored.startsWith("site:")) {
                return new Scope(Kind.SITE, stored.substring(5));
            }
            if (stored.startsWith("shop:")) {
                return new Scope(Kind.SHOP, stored.substring(5));
            }
            return whole();
        }
    }
}
