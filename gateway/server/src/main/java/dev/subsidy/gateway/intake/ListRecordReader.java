package dev.subsidy.gateway.intake;

import java.util.List;

/** Records a connector has already read, handed out in chunks like a body's. */
final class ListRecordReader implements RecordReader {

    private final List<SourceRecord> records;
    private int next;

    ListRecordReader(List<SourceRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public List<SourceRecord> next(int max) {
        int end = Math.min(records.size(), next + max);
        List<SourceRecord> chunk = records.subList(next, end);
        next = end;
        return chunk;
    }
}
