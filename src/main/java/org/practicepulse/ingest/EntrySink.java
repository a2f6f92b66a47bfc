package org.practicepulse.ingest;

/** The sink of one zip entry: problems name the entry, since line numbers are the entry's own. */
final class EntrySink implements ImportSink {

    private final ImportSink target;
    private final String prefix;

    EntrySink(ImportSink target, String entryName) {
        this.target = target;
        this.prefix = CellValues.abbreviate(entryName) + ": ";
    }

    @Override
    public void post(PostRow row) {
        target.post(row);
    }

    @Override
    public void accountDay(AccountDayRow row) {
        target.accountDay(row);
    }

    @Override
    public void traffic(TrafficRow row) {
        target.traffic(row);
    }

    @Override
    public void review(ReviewRow row) {
        target.review(row);
    }

    @Override
    public void reject(long line, String reason) {
        target.reject(line, prefix + reason);
    }

    @Override
    public void skip(long line, String reason) {
        target.skip(line, reason);
    }

    @Override
    public void warn(Long line, String message) {
        target.warn(line, prefix + message);
    }
}
