import type { ServerError } from '../api-client';
import { PHASES, type SeasonResult } from './season';

export interface SeasonCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Hidden qualities this far apart (× 20 = 2 points out of 20) must rank in their order, noise or not. */
export const CLEAR_GAP = 0.1;

/**
 * What a season must show, from what its clients saw: every phase reached, no 5xx, no e-mail sent twice,
 * the clearly best company wins where it deserves the title (and nobody where no one does), every paid
 * entry ranked or marked insufficient, the excluded and the cancelled told, every entrant told once.
 */
export function checkSeason(result: SeasonResult, serverErrors: readonly ServerError[]): SeasonCheck[] {
  const checks: SeasonCheck[] = [];
  const check = (name: string, failures: string[], detail = 'yes') =>
    checks.push({ name, ok: failures.length === 0, detail: failures.length ? failures.join('; ') : detail });

  const missing = Object.values(PHASES).filter((p) => !result.phasesReached.includes(p));
  check(
    'every phase reached',
    missing.map((p) => `not reached: ${p}`),
    `${result.phasesReached.length} phases`,
  );

  check(
    'no 5xx seen by any client',
    serverErrors.slice(0, 5).map((e) => `${e.method} ${e.url} → ${e.status} ${JSON.stringify(e.body)}`),
  );

  const seen = new Map<string, number>();
  for (const mail of result.emails) if (mail.messageId) seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1);
  const sentTwice = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} × ${n}`);
  check('no e-mail sent twice', sentTwice, `${result.emails.length} e-mails, each Message-ID once`);

  const plans = new Map(result.cast.sectors.map((s) => [s.code, s.plan]));
  const paid = result.entries.filter((e) => e.company.payment !== 'NEVER' && plans.get(e.company.sector) !== 'TOO_SMALL');
  const deserving: string[] = [];
  for (const category of result.palmares) {
    const contenders = paid.filter((e) => e.company.sector === category.code).sort((a, b) => b.company.quality - a.company.quality);
    if (contenders.length < 2) continue;
    const [best, second] = contenders.map((e) => e.company);
    const names = category.winners.map((w) => w.companyName);
    if (20 * best.quality >= 12 + 2 && best.quality - second.quality >= CLEAR_GAP && !(names.length === 1 && names[0] === best.name)) {
      deserving.push(
        `${category.code}: ${best.name} (quality ${best.quality.toFixed(2)}, next ${second.quality.toFixed(2)}) should win, got ${names.join(', ') || 'no winner'}`,
      );
    }
    if (20 * best.quality < 12 - 2 && category.outcome !== 'NO_WINNER') deserving.push(`${category.code}: no company deserves 12/20, got ${category.outcome}`);
  }
  check('the clearly best company wins, nobody below the threshold', deserving);

  const reports = new Map(result.reports.map((r) => [r.entryId, r]));
  const unranked = paid
    .map((e) => ({ e, report: reports.get(e.entryId) }))
    .filter(({ report }) => !report || (report.rank === null && report.insufficientChannels.length === 0))
    .map(({ e }) => e.company.name);
  check(
    'every paid entry ranked or marked insufficient',
    unranked,
    `${paid.length} entries, ${result.reports.filter((r) => r.rank === null).length} insufficient`,
  );

  const mailsTo = (address: string, subject: RegExp) => result.emails.filter((m) => m.to.includes(address.toLowerCase()) && subject.test(m.subject)).length;
  const untold: string[] = [];
  for (const entry of result.entries) {
    const status = result.entryStatuses[entry.entryId];
    if (entry.company.payment === 'NEVER' && (status !== 'EXCLUDED' || mailsTo(entry.userEmail, /exclue|excluded/) !== 1))
      untold.push(`${entry.company.name}: ${status}, ${mailsTo(entry.userEmail, /exclue|excluded/)} exclusion e-mail(s)`);
    if (plans.get(entry.company.sector) === 'TOO_SMALL' && (status !== 'EXCLUDED' || mailsTo(entry.userEmail, /annulée|cancelled/) !== 1))
      untold.push(`${entry.company.name}: ${status}, ${mailsTo(entry.userEmail, /annulée|cancelled/)} cancellation e-mail(s)`);
  }
  check('the excluded and the cancelled told, once', untold);

  const outcome = paid
    .filter((e) => mailsTo(e.userEmail, /Résultats|results/) !== 1)
    .map((e) => `${e.company.name}: ${mailsTo(e.userEmail, /Résultats|results/)}`);
  check('every entrant told its outcome exactly once', outcome, `${paid.length} entrants`);
  return checks;
}
