package dev.subsidy.gateway.awards;

import dev.subsidy.policy.NotComputable;

/** The engine's results in the shapes the API and the award intake use. */
final class WireLines {

    private WireLines() {}

    /** An award line as docs/award-intake.md writes it; revision 0 until the store publishes it. */
    static PublishedAwardLine line(dev.subsidy.model.AwardLine l) {
        return new PublishedAwardLine(l.awardId(), l.ruleId(), l.clause(),
                l.subject(), l.period(),
                l.amount().setScale(2).toPlainString(), l.currency(), 0,
                l.basis().stream().map(b -> new PublishedAwardLine.Basis(b.figureId(), b.metric().name(),
                        b.value().toPlainString(), b.revision())).toList(),
                l.explanation(), l.reading());
    }

    /** "xj-logistics-hq 9136…: because OPERATING_REVENUE of … has not been entered", for the close summary. */
    static String text(NotComputable n) {
        return (n.ruleId() == null ? n.policy() : n.ruleId())
                + (n.subjectId() == null ? "" : " " + n.subjectId()) + ": " + n.reason();
    }
}
