import type { Channel } from './cast';

/** The scale and the clock of a simulated season. */
export interface SeasonOptions {
  companies: number;
  shoppers: number;
  /** Categories, one per sector (2 to 7): the last is too small to be contested. */
  sectors: number;
  /** Same seed, same cast (qualities, biases, payments) and the same draws by each actor. */
  seed: number;
  /** From the opening of registration to its deadline. */
  registrationSeconds: number;
  /** From the deadline to the payment due date (unpaid entries are then excluded). */
  paymentSeconds: number;
  /** Length of the test period (under a day: a demonstration season, cut into even task windows). */
  testSeconds: number;
  /** Tasks per company and channel. */
  quotas: Partial<Record<Channel, number>>;
  /** Share of evaluations the jury rejects (each is redone by another shopper). */
  rejectRate: number;
}

/** `npm run demo`: a national contest in miniature, in about four and a half minutes. */
export const DEMO_SEASON: SeasonOptions = {
  companies: 40,
  shoppers: 60,
  sectors: 5,
  seed: 2027,
  registrationSeconds: 60,
  paymentSeconds: 15,
  testSeconds: 150,
  quotas: { PHONE: 8, EMAIL: 5, WEB: 4, CHAT: 3, SOCIAL: 2 },
  rejectRate: 0.03,
};

/** `npm run test:season`: every phase and outcome, as small and short as they can be. */
export const SMALL_SEASON: SeasonOptions = {
  companies: 14,
  shoppers: 30,
  sectors: 3,
  seed: 7,
  registrationSeconds: 25,
  paymentSeconds: 6,
  testSeconds: 60,
  // 5 per channel: one lost task still leaves the 80 % a ranking needs
  quotas: { PHONE: 5, EMAIL: 5, WEB: 5 },
  rejectRate: 0.05,
};

/** Channel weights of a real contest; a season testing fewer channels shares the 100 points among its own. */
const WEIGHTS: Record<Channel, number> = { PHONE: 40, EMAIL: 20, WEB: 15, CHAT: 15, SOCIAL: 10 };

export function weightsFor(quotas: Partial<Record<Channel, number>>): Partial<Record<Channel, number>> {
  const tested = (Object.keys(quotas) as Channel[]).filter((c) => (quotas[c] ?? 0) > 0);
  const total = tested.reduce((sum, c) => sum + WEIGHTS[c], 0);
  const weights = Object.fromEntries(tested.map((c) => [c, Math.floor((WEIGHTS[c] * 100) / total)])) as Partial<Record<Channel, number>>;
  const rest = 100 - tested.reduce((sum, c) => sum + weights[c]!, 0);
  weights[tested[0]] = weights[tested[0]]! + rest;
  return weights;
}

/** The problems with a scale, named (an empty list when it can run). */
export function checkOptions(options: SeasonOptions): string[] {
  const problems: string[] = [];
  const whole = (name: keyof SeasonOptions, min: number, max: number) => {
    const value = options[name] as number;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`--${name} must be a whole number from ${min} to ${max} (got ${value})`);
  };
  whole('sectors', 2, 7);
  whole('companies', 2 + 3 * (options.sectors - 1) + 1, 2000);
  whole('shoppers', 4, 2000);
  whole('seed', 0, 2 ** 31 - 1);
  whole('registrationSeconds', 10, 3600);
  whole('paymentSeconds', 2, 3600);
  whole('testSeconds', 20, 80_000);
  const tasks = Object.values(options.quotas).reduce((sum, q) => sum + (q ?? 0), 0);
  // the rotation limit (10 % of a company's tasks, at least 1) needs enough shoppers per sector
  const perSector = Math.floor((options.shoppers * Math.min(2, options.sectors)) / options.sectors);
  const needed = Math.ceil(tasks / Math.max(1, Math.floor(tasks / 10))) + 2;
  if (perSector < needed)
    problems.push(`--shoppers: each sector needs at least ${needed} shoppers for the rotation rule; ${options.shoppers} give ${perSector}`);
  return problems;
}
