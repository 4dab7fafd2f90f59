import { CHANNELS, type Channel, type GridCriterion, type PerChannel, type Scenario } from './channels';

/** A category's code and a grid criterion's key: a lowercase slug. */
export const SLUG = /^[a-z0-9-]{2,40}$/;
/** Fees are stored as int; this keeps the amount including VAT within it too. */
export const MAX_FEE_CENTS = 1_000_000_000;

/** What a category says about its channels: quotas, weights, grids and scenarios. */
export interface CategoryChannelSetup {
  quotas: PerChannel<number>;
  weights: PerChannel<number>;
  grids: PerChannel<GridCriterion[]>;
  scenarios: Scenario[];
}

/** The channels a category tests: those with a quota above 0, in the canonical order. */
export function testedChannels(quotas: PerChannel<number>): Channel[] {
  return CHANNELS.filter((channel) => (quotas[channel] ?? 0) > 0);
}

/**
 * The rules that tie a category's fields together (each field's own shape is the DTO's job):
 * at least one tested channel; every tested channel has a weight above 0, a non-empty grid and a
 * scenario; no weight on an untested channel; weights of the tested channels sum to exactly 100
 * (to the hundredth); criterion keys unique within a grid. Returns one sentence per broken rule.
 */
export function categoryRuleProblems(setup: CategoryChannelSetup): string[] {
  const problems: string[] = [];
  const tested = testedChannels(setup.quotas);
  if (tested.length === 0) problems.push('quotas must give at least one channel a quota above 0');

  for (const channel of CHANNELS) {
    const weight = setup.weights[channel];
    const isTested = tested.includes(channel);
    if (weight === undefined) {
      if (isTested) problems.push(`weights.${channel} is missing: every channel with a quota needs a weight`);
    } else if (!isTested && weight !== 0) {
      problems.push(`weights.${channel} is set but ${channel} has no quota: only channels with a quota are weighted`);
    } else if (isTested && weight <= 0) {
      problems.push(`weights.${channel} must be greater than 0, since ${channel} has a quota`);
    }
  }
  if (tested.length > 0) {
    const hundredths = tested.reduce((sum, channel) => sum + Math.round((setup.weights[channel] ?? 0) * 100), 0);
    if (hundredths !== 10_000) problems.push(`weights must sum to 100 (got ${hundredths / 100})`);
  }

  for (const channel of tested) {
    if (!setup.grids[channel]?.length) problems.push(`grids.${channel} is missing: every channel with a quota needs a non-empty evaluation grid`);
  }
  for (const channel of CHANNELS) {
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const { key } of setup.grids[channel] ?? []) (seen.has(key) ? repeated : seen).add(key);
    for (const key of repeated) problems.push(`grids.${channel} has the criterion key "${key}" more than once: keys must be unique within a grid`);
  }

  for (const channel of tested) {
    if (!setup.scenarios.some((scenario) => scenario.channel === channel)) {
      problems.push(`scenarios must include at least one scenario for ${channel}, which has a quota`);
    }
  }
  return problems;
}
