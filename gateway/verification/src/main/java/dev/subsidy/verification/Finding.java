package dev.subsidy.verification;

import dev.subsidy.model.RecordStatus;
import java.util.Collection;

/**
 * One conclusion a rule drew about one record: which rule (its id, as docs/verification.md lists
 * them), what it makes of the record (SUSPECT, REJECTED or DUPLICATE) and a reason a reviewer
 * understands without reading code.
 */
public record Finding(String rule, RecordStatus outcome, String reason) {

    public Finding {
        if (outcome == RecordStatus.VERIFIED || outcome == RecordStatus.RECEIVED) {
            throw new IllegalArgumentException("a finding marks a record SUSPECT, REJECTED or DUPLICATE");
        }
    }

    public static Finding suspect(String rule, String reason) {
        return new Finding(rule, RecordStatus.SUSPECT, reason);
    }

    public static Finding rejected(String rule, String reason) {
        return new Finding(rule, RecordStatus.REJECTED, reason);
    }

    public static Finding duplicate(String rule, String reason) {
        return new Finding(rule, RecordStatus.DUPLICATE, reason);
    }

    /**
     * The status the findings give a record: REJECTED over DUPLICATE over SUSPECT; VERIFIED when
     * there are none.
     */
    public static RecordStatus statusOf(Collection<Finding> findings) {
        RecordStatus status = RecordStatus.VERIFIED;
        for (Finding f : findings) {
            if (rank(f.outcome()) > rank(status)) {
                status = f.outcome();
            }
        }
        return status;
    }

    private static int rank(RecordStatus s) {
        return switch (s) {
            case REJECTED -> 3;
            case DUPLICATE -> 2;
            case SUSPECT -> 1;
            default -> 0;
        };
    }
}
