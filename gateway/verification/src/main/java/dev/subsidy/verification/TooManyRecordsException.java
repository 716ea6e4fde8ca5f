package dev.subsidy.verification;

/**
 * A source read {@link RecordSource#atMost at most} so many records found more: the read stops there, before
 * what it holds outgrows the heap it was given.
 */
public class TooManyRecordsException extends RuntimeException {

    private final long limit;

    public TooManyRecordsException(long limit) {
        super("more than " + limit + " records to read");
        this.limit = limit;
    }

    /** The records the read was allowed. */
    public long limit() {
        return limit;
    }
}
