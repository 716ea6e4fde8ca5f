package dev.subsidy.runtime.mapping;

import dev.subsidy.intake.BodyRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Mapped records as the intake takes them: numbered in order (the index of a rejection), each with
 * its source position, a mapping rejection as an unreadable record so that it is stored with its
 * reason like any other.
 */
public final class IntakeRecords {

    private IntakeRecords() {}

    public static List<BodyRecord> of(List<MappedRecord> mapped) {
        return of(mapped, 0);
    }

    /** As {@link #of(List)}, the first numbered {@code first}: one chunk of many ({@link MappedReader}). */
    static List<BodyRecord> of(List<MappedRecord> mapped, int first) {
        List<BodyRecord> out = new ArrayList<>(mapped.size());
        for (int n = 0; n < mapped.size(); n++) {
            MappedRecord m = mapped.get(n);
            int i = first + n;
            if (m instanceof MappedRecord.Standard s) {
                out.add(BodyRecord.of(i, s.record(), s.raw()).at(s.position()));
            } else {
                MappedRecord.Rejected r = (MappedRecord.Rejected) m;
                out.add(BodyRecord.unreadable(i, r.raw() == null ? "" : r.raw(), r.reason()).at(r.position()));
            }
        }
        return out;
    }
}
