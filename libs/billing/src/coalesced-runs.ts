interface Pending<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function pending<T>(): Pending<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/**
 * One run of `work` per key at a time: callers arriving while a run is under way share the next run, which
 * starts as soon as it ends. Each caller gets the outcome of a run that started after it called, so whatever
 * it committed before calling is seen by that run.
 */
export class CoalescedRuns<T> {
  private readonly lanes = new Map<string, { next: Pending<T> | null }>();

  constructor(private readonly work: (key: string) => Promise<T>) {}

  run(key: string): Promise<T> {
    const lane = this.lanes.get(key);
    if (lane) return (lane.next ??= pending<T>()).promise;
    const first = pending<T>();
    void this.drain(key, first);
    return first.promise;
  }

  private async drain(key: string, first: Pending<T>): Promise<void> {
    const lane: { next: Pending<T> | null } = { next: first };
    this.lanes.set(key, lane);
    while (lane.next) {
      const current = lane.next;
      lane.next = null;
      try {
        current.resolve(await this.work(key));
      } catch (error) {
        current.reject(error);
      }
    }
    this.lanes.delete(key);
  }
}
