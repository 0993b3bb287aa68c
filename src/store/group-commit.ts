/**
 * Group commit: writes submitted in the same turn of the event loop run together in one transaction,
 * so a burst of requests pays for one commit (one WAL write) instead of one each. Every caller still
 * resolves only after that commit, so "stored before the ack" holds. If the transaction fails (the
 * database is locked past busy_timeout), every write in it fails and each request is retried by Slack.
 */
export class GroupCommit<I, O> {
  private batch: Array<{ input: I; resolve: (out: O) => void; reject: (err: unknown) => void }> = [];

  /** `runAll` must run every input in one transaction and return one result per input, in order. */
  constructor(private readonly runAll: (inputs: I[]) => O[] | Promise<O[]>) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.batch.push({ input, resolve, reject });
      // setImmediate runs after the poll phase: requests read in this turn join the batch.
      if (this.batch.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    let results: O[];
    try {
      results = await this.runAll(batch.map((b) => b.input));
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    batch.forEach((b, i) => {
      b.resolve(results[i]);
    });
  }
}
