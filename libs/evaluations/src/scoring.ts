import type { GridCriterion } from '@app/contest';

/** Weights have at most 4 decimals (category rules): scaled to integers, the score is computed without float error. */
const WEIGHT_SCALE = 10_000;
const SCORE_DECIMALS = 4n;

/**
 * Evaluation score out of 20 = 20 × Σ(weight × points) / Σ(weight × max), exact, rounded half up to
 * 4 decimals (the column is numeric(8,4)). Returned as the decimal string stored.
 */
export function evaluationScore(grid: GridCriterion[], answers: Record<string, number>): string {
  let num = 0n;
  let den = 0n;
  for (const criterion of grid) {
    const weight = BigInt(Math.round(criterion.weight * WEIGHT_SCALE));
    num += weight * BigInt(answers[criterion.key]);
    den += weight * BigInt(criterion.max);
  }
  if (den === 0n) throw new Error('an empty grid has no score');
  const unit = 10n ** SCORE_DECIMALS;
  const scaled = (2n * 20n * unit * num + den) / (2n * den); // half up, all terms non-negative
  const whole = scaled / unit;
  const fraction = (scaled % unit).toString().padStart(Number(SCORE_DECIMALS), '0');
  return `${whole}.${fraction}`;
}

/** Every criterion answered with whole points in 0..max, and no unknown key; the messages name the key. */
export function answerProblems(grid: GridCriterion[], answers: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = new Set(grid.map((c) => c.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push(`answers.${key} is not a criterion of this channel's grid`);
  for (const criterion of grid) {
    const points = answers[criterion.key];
    if (points === undefined || points === null) problems.push(`answers.${criterion.key} is missing: every criterion of the grid must be answered`);
    else if (typeof points !== 'number' || !Number.isInteger(points) || points < 0 || points > criterion.max)
      problems.push(`answers.${criterion.key} must be a whole number of points from 0 to ${criterion.max}`);
  }
  return problems;
}
