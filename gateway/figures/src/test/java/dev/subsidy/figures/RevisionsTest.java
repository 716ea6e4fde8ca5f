package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/figures.md "Publication and revisions": what a close publishes, and at which revision. */
class RevisionsTest {

    private static final String PERIOD = "2026-06";
    private static final String COMPANY = "91522633MA6D0KD01Y";
    private static final String EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void aNewFigureIsPublishedAtRevisionOneOnlyWhenItCountsARecord() {
        MeasuredFigure counting = figure(Metric.PARCELS_OUTBOUND, "3", evidence(3, "ZTO:1", "ZTO:2", "ZTO:3"));
        MeasuredFigure nothing = figure(Metric.PARCELS_INBOUND, "0", new Evidence(0, 2, 0, 0, List.of(), EMPTY));

        assertThat(Revisions.of(PERIOD, List.of(), List.of(counting, nothing)))
                .containsExactly(new PublishedFigure(counting, 1));
    }

    @Test
    void anUnchangedFigureKeepsItsRevisionAndIsNotPublishedAgain() {
        MeasuredFigure f = figure(Metric.PARCELS_OUTBOUND, "2", evidence(2, "ZTO:1", "ZTO:2"));

        assertThat(Revisions.of(PERIOD, List.of(new PublishedFigure(f, 4)), List.of(f))).isEmpty();
    }

    @Test
    void aChangeOfValueOrOfEvidenceAloneGivesTheNextRevision() {
        MeasuredFigure before = figure(Metric.PARCELS_OUTBOUND, "2", evidence(2, "ZTO:1", "ZTO:2"));
        MeasuredFigure moreRecords = figure(Metric.PARCELS_OUTBOUND, "3", evidence(3, "ZTO:1", "ZTO:2", "ZTO:3"));
        // the same count over other records: the digest differs, so the figure is revised
        MeasuredFigure otherRecords = figure(Metric.PARCELS_OUTBOUND, "2", evidence(2, "ZTO:1", "ZTO:9"));

        assertThat(Revisions.of(PERIOD, List.of(new PublishedFigure(before, 2)), List.of(moreRecords)))
                .containsExactly(new PublishedFigure(moreRecords, 3));
        assertThat(Revisions.of(PERIOD, List.of(new PublishedFigure(before, 2)), List.of(otherRecords)))
                .containsExactly(new PublishedFigure(otherRecords, 3));
    }

    @Test
    void aPublishedFigureThatNoLongerCountsAnythingIsRevisedToZeroWithEmptyEvidence() {
        MeasuredFigure sales = figure(Metric.SALES_NET, "120.00", evidence(1, "TAOBAO:T1"));

        List<PublishedFigure> revised = Revisions.of(PERIOD, List.of(new PublishedFigure(sales, 1)), List.of());

        assertThat(revised).singleElement().satisfies(p -> {
            assertThat(p.revision()).isEqualTo(2);
            assertThat(p.figure().figureId()).isEqualTo(sales.figureId());
            assertThat(p.figure().value()).isEqualTo("0.00");
            assertThat(p.figure().subjectName()).isEqualTo("从江中通");
            assertThat(p.figure().evidence()).isEqualTo(new Evidence(0, 0, 0, 0, List.of(), EMPTY));
        });
    }

    @Test
    void aFigureAlreadyAtZeroIsNotRevisedAgainAndAVanishedSubjectIsNamedByItsId() {
        MeasuredFigure zero = new MeasuredFigure(MeasuredFigure.idOf(COMPANY, Metric.PARCELS_OUTBOUND, PERIOD),
                SubjectType.EXPRESS_COMPANY, COMPANY, null, Metric.PARCELS_OUTBOUND, PERIOD, "0",
                new Evidence(0, 0, 0, 0, List.of(), EMPTY));
        MeasuredFigure counted = new MeasuredFigure(MeasuredFigure.idOf(COMPANY, Metric.PARCELS_INBOUND, PERIOD),
                SubjectType.EXPRESS_COMPANY, COMPANY, null, Metric.PARCELS_INBOUND, PERIOD, "1", evidence(1, "ZTO:5"));

        List<PublishedFigure> revised = Revisions.of(PERIOD,
                List.of(new PublishedFigure(zero, 3), new PublishedFigure(counted, 1)), List.of());

        assertThat(revised).singleElement().satisfies(p -> {
            assertThat(p.figure().metric()).isEqualTo(Metric.PARCELS_INBOUND);
            assertThat(p.figure().value()).isEqualTo("0");
            assertThat(p.figure().subjectName()).isEqualTo(COMPANY);
            assertThat(p.revision()).isEqualTo(2);
        });
    }

    private static MeasuredFigure figure(Metric metric, String value, Evidence evidence) {
        return new MeasuredFigure(MeasuredFigure.idOf(COMPANY, metric, PERIOD), SubjectType.EXPRESS_COMPANY, COMPANY,
                "从江中通", metric, PERIOD, value, evidence);
    }

    private static Evidence evidence(int counted, String... keys) {
        return new Evidence(counted, 0, 0, 0, List.of("standard"), Digest.of(List.of(keys)));
    }
}
