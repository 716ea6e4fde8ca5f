package dev.subsidy.intake;

import java.util.List;

/** Records a connector has already read, handed out in chunks like a body's. */
final class ListRecordReader implements RecordReader {

    private final List<BodyRecord> records;
    private int next;

    ListRecordReader(List<BodyRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public List<BodyRecord> next(int max) {
        int end = Math.min(records.size(), next + max);
        List<BodyRecord> chunk = records.subList(next, end);
        next = end;
        return chunk;
    }
}
