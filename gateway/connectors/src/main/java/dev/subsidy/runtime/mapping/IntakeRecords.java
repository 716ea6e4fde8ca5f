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
        List<BodyRecord> out = new ArrayList<>(mapped.size());
        for (int i = 0; i < mapped.size(); i++) {
            MappedRecord m = mapped.get(i);
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
