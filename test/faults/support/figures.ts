import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { SmtpInbox } from '@app/simulation';
import { LOG_DIR } from './app-process';

/** What a scenario lost, doubled or left stuck, per kind of work. */
export interface Tally {
  lost: number;
  doubled: number;
  stuck: number;
}
export type Figures = Partial<Record<'tasks' | 'e-mails' | 'steps' | 'invoices' | 'requests', Tally>>;

/** Prints a scenario's figures (and keeps them in `var/faults/<run>/figures.txt`). */
export function report(scenario: string, injected: string, figures: Figures): void {
  const line =
    `[fault] ${scenario} — injected: ${injected} — ` +
    Object.entries(figures)
      .map(([kind, t]) => `${kind}: lost ${t.lost}, doubled ${t.doubled}, stuck ${t.stuck}`)
      .join(' | ');
  process.stdout.write(`${line}\n`);
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(join(LOG_DIR, 'figures.txt'), `${line}\n`);
}

export const isClean = (figures: Figures) => Object.values(figures).every((t) => t.lost === 0 && t.doubled === 0 && t.stuck === 0);

/**
 * Tasks of an edition, against what its entries in test call for (one per quota slot and tested channel):
 * lost = slots with no task or a task never assigned, doubled = a slot made twice, a load counter that counts a
 * task twice, or a shopper over capacity or rotation; stuck = still PENDING.
 */
export async function taskFigures(db: DataSource, editionId: string): Promise<Tally & { assigned: number; expected: number }> {
  const [row] = await db.query(
    `WITH slots AS (
       SELECT e.id AS entry_id, ch.key AS channel, s.slot
         FROM entry e JOIN category c ON c.id = e.category_id,
              jsonb_each_text(c.quotas) AS ch, generate_series(0, ch.value::int - 1) AS s(slot)
        WHERE e.edition_id = $1 AND e.status IN ('IN_TEST', 'RANKED') AND c.status = 'ACTIVE'
          AND jsonb_array_length(coalesce(e.contact_points -> ch.key, '[]')) > 0),
     made AS (SELECT entry_id, channel, slot, count(*) AS n, bool_or(status = 'ASSIGNED') AS assigned, bool_or(status = 'PENDING') AS pending
                FROM task WHERE edition_id = $1 AND replaces_task_id IS NULL GROUP BY 1, 2, 3)
     SELECT (SELECT count(*) FROM slots)::int AS expected,
            (SELECT count(*) FROM slots s LEFT JOIN made m USING (entry_id, channel, slot) WHERE m.n IS NULL OR (NOT m.assigned AND NOT m.pending))::int AS lost,
            (SELECT coalesce(sum(n - 1), 0) FROM made)::int AS doubled_slots,
            (SELECT count(*) FROM made WHERE pending)::int AS stuck,
            (SELECT count(*) FROM made WHERE assigned)::int AS assigned`,
    [editionId],
  );
  const [violations] = await db.query(
    `SELECT
       (SELECT count(*) FROM (SELECT t.shopper_id FROM task t JOIN shopper s ON s.user_id = t.shopper_id
           WHERE t.edition_id = $1 AND t.status = 'ASSIGNED' GROUP BY t.shopper_id, t.week_start, s.weekly_capacity HAVING count(*) > s.weekly_capacity) o)::int AS capacity,
       (SELECT count(*) FROM shopper_company_load l
           WHERE l.edition_id = $1 AND l.assigned <> (SELECT count(*) FROM task t WHERE t.shopper_id = l.shopper_id AND t.company_id = l.company_id
                                                     AND t.edition_id = l.edition_id AND t.status = 'ASSIGNED'))::int AS drift`,
    [editionId],
  );
  const rotation = await rotationViolations(db, editionId);
  return {
    expected: row.expected,
    assigned: row.assigned,
    lost: row.lost,
    doubled: row.doubled_slots + violations.capacity + violations.drift + rotation,
    stuck: row.stuck,
  };
}

/** Shoppers holding more of a company's tasks than the rotation limit, max(1, floor(10 % × its original tasks)). */
async function rotationViolations(db: DataSource, editionId: string): Promise<number> {
  const [row] = await db.query(
    `WITH originals AS (SELECT company_id, count(*) AS n FROM task WHERE edition_id = $1 AND replaces_task_id IS NULL GROUP BY 1)
     SELECT count(*)::int AS n FROM (
       SELECT t.shopper_id, t.company_id FROM task t JOIN originals o USING (company_id)
        WHERE t.edition_id = $1 AND t.status = 'ASSIGNED'
        GROUP BY t.shopper_id, t.company_id, o.n HAVING count(*) > greatest(1, floor(o.n * 0.1))) v`,
    [editionId],
  );
  return row.n;
}

/**
 * The outbox's e-mails written since `since`, against what the SMTP server received: lost = never received
 * (by its stable Message-ID), doubled = received more than once, under that same Message-ID (allowed: delivery is
 * at-least-once, and a mail server drops the copy), stuck = still PENDING.
 */
export async function mailFigures(db: DataSource, inbox: SmtpInbox, since: Date, recipients?: string[]): Promise<Tally & { written: number }> {
  // Scoped by recipient when given: a worker of this scenario may also send what earlier scenarios' editions still owe.
  const rows: { id: string; status: string }[] = await db.query(
    `SELECT id, status FROM notification WHERE created_at >= $1 AND ($2::text[] IS NULL OR recipient = ANY($2))`,
    [since, recipients ?? null],
  );
  const received = new Map<string, number>();
  for (const m of inbox.messages) {
    const id = /^<([^@]+)@/.exec(m.messageId ?? '')?.[1];
    if (id) received.set(id, (received.get(id) ?? 0) + 1);
  }
  return {
    written: rows.length,
    lost: rows.filter((r) => !received.has(r.id)).length,
    doubled: rows.reduce((n, r) => n + Math.max(0, (received.get(r.id) ?? 0) - 1), 0),
    stuck: rows.filter((r) => r.status === 'PENDING').length,
  };
}

/** Invoice numbers of an edition: lost = a hole in its sequence, doubled = a number given twice. */
export async function invoiceFigures(db: DataSource, editionId: string): Promise<Tally & { issued: number }> {
  const [row] = await db.query(
    `SELECT count(*)::int AS issued, count(DISTINCT sequence)::int AS distinct_numbers, coalesce(max(sequence), 0)::int AS last FROM invoice WHERE edition_id = $1`,
    [editionId],
  );
  return { issued: row.issued, lost: row.last - row.distinct_numbers, doubled: row.issued - row.distinct_numbers, stuck: 0 };
}

/**
 * The edition's timed steps, from the audit log of its status moves: `expected` lists the moves that must have
 * happened (e.g. `OPEN→CLOSED`); lost = an expected move missing, doubled = a move made twice, plus `wrongful`
 * (what a step did that it must not have, e.g. categories cancelled by a re-run), counted by the scenario.
 */
export async function stepFigures(db: DataSource, editionId: string, expected: string[], wrongful = 0): Promise<Tally> {
  const moves: { move: string; n: number }[] = await db.query(
    `SELECT (details -> 'from' ->> 0) || '→' || (details ->> 'to') AS move, count(*)::int AS n
       FROM audit_log WHERE subject_id = $1 AND action = 'edition.status' GROUP BY 1`,
    [editionId],
  );
  const count = new Map(moves.map((m) => [m.move, m.n]));
  return {
    lost: expected.filter((m) => !count.has(m)).length,
    doubled: moves.reduce((n, m) => n + m.n - 1, 0) + wrongful,
    stuck: 0,
  };
}
