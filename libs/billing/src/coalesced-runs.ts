interface Waiter<T> {
  /**
   * Hears each run's outcome, from the one under way when it called; `armed` says that run started after the call
   * (so it saw whatever the caller had committed). Returns true once the waiter is answered.
   */
  settle(result: Map<string, T>, armed: boolean): boolean;
  reject(error: unknown): void;
}

/**
 * One run of `work` per key at a time: callers arriving while a run is under way share the next run, which
 * starts as soon as it ends. `run` answers with the outcome of a run that started after the call; `find` answers
 * as soon as a run returns the caller's item (the run under way may have taken it: no second run to wait for), or
 * with null once a run that started after the call has not (another process took it).
 */
export class CoalescedRuns<T> {
  private readonly lanes = new Map<string, Waiter<T>[]>();

  constructor(private readonly work: (key: string) => Promise<Map<string, T>>) {}

  run(key: string): Promise<Map<string, T>> {
    return new Promise((resolve, reject) =>
      this.wait(key, {
        settle: (result, armed) => (armed ? (resolve(result), true) : false),
        reject,
      }),
    );
  }

  find(key: string, id: string): Promise<T | null> {
    return new Promise((resolve, reject) =>
      this.wait(key, {
        settle: (result, armed) => {
          const found = result.get(id);
          if (found === undefined && !armed) return false;
          resolve(found ?? null);
          return true;
        },
        reject,
      }),
    );
  }

  private wait(key: string, waiter: Waiter<T>): void {
    const lane = this.lanes.get(key);
    if (lane) {
      lane.push(waiter);
      return;
    }
    const fresh = [waiter];
    this.lanes.set(key, fresh);
    void this.drain(key, fresh);
  }

  private async drain(key: string, waiters: Waiter<T>[]): Promise<void> {
    while (waiters.length > 0) {
      // Everyone waiting now called before this run starts.
      const armed = new Set(waiters);
      let left: Waiter<T>[];
      try {
        const result = await this.work(key);
        left = waiters.filter((waiter) => !waiter.settle(result, armed.has(waiter)));
      } catch (error) {
        for (const waiter of armed) waiter.reject(error);
        left = waiters.filter((waiter) => !armed.has(waiter));
      }
      waiters.splice(0, waiters.length, ...left);
    }
    this.lanes.delete(key);
  }
}
