interface Entry<T> {
  value: Promise<T>;
  expires: number;
  /** A render of this key is under way: the first one, or the one replacing an expired page. */
  rendering: boolean;
}

/**
 * Rendered public pages kept for a few seconds, so the winners page under the ceremony's spike costs one render
 * per page and language, not one per request. Concurrent misses share one render, and an expired page is still
 * answered while one render replaces it, so that no request of a spike waits on the database once a page has been
 * rendered. With a TTL of 0 every request after the last render renders again.
 */
export class PageCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string, render: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && (hit.expires > now || hit.rendering)) return hit.value;
    if (hit && this.ttlMs > 0) {
      this.replace(key, hit, render);
      return hit.value;
    }
    const entry: Entry<T> = { value: render(), expires: now + this.ttlMs, rendering: true };
    this.entries.set(key, entry);
    entry.value.then(
      () => (entry.rendering = false),
      () => this.entries.delete(key),
    );
    if (this.entries.size > 1000) this.evictExpired(now);
    return entry.value;
  }

  /** Renders an expired page again; the page it had stays in use until then, and after a failed render. */
  private replace(key: string, stale: Entry<T>, render: () => Promise<T>): void {
    stale.rendering = true;
    const value = render();
    value.then(
      () => this.entries.set(key, { value, expires: this.clock() + this.ttlMs, rendering: false }),
      () => (stale.rendering = false),
    );
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now && !entry.rendering) this.entries.delete(key);
  }
}
