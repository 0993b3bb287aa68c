/**
 * Whether HTTP requests are arriving right now, so CPU-bound answering should wait for their acks.
 * Open requests are not enough on their own: in a burst, the next request is often still in the
 * socket when the previous one closes, and an answer started in that gap delays every ack behind it.
 * So a request that arrived in the last `quietMs` also counts.
 */
export class RequestPressure {
  private open = 0;
  private lastArrival = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly quietMs = 15,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  arrived(): void {
    this.open++;
    this.lastArrival = this.clock();
  }

  closed(): void {
    this.open = Math.max(0, this.open - 1);
  }

  busy(): boolean {
    return this.open > 0 || this.clock() - this.lastArrival < this.quietMs;
  }
}
