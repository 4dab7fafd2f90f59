/**
 * The WHERE clause of a list query built from optional filters, every value a parameter:
 * `filter.and('t.status = ?', status)`, then `${filter.where} ORDER BY … ${filter.page(limit, offset)}` with `filter.params`.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a condition in which `?` stands for `value`. */
  and(condition: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(condition.replace('?', `$${this.params.length}`));
    return this;
  }

  /** `WHERE …`, or nothing when no filter was given. */
  get where(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** `LIMIT … OFFSET …`, as parameters; call it last. */
  page(limit: number, offset: number): string {
    this.params.push(limit, offset);
    return `LIMIT $${this.params.length - 1} OFFSET $${this.params.length}`;
  }
}
