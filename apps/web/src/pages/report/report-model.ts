import type { CriterionScore, EntryReport } from '../../api/pending';
import { CHANNELS, type Channel } from '../entries/contact-points';

/**
 * The report's criteria as one list with their labels and the category's average. Until the API sends
 * them so, `criterionScores` is a map of channel → criterion key → points: its keys stand in for labels.
 */
export function criteriaOf(report: EntryReport): CriterionScore[] {
  if (Array.isArray(report.criterionScores)) return report.criterionScores;
  return Object.entries(report.criterionScores).flatMap(([channel, scores]) =>
    Object.entries(scores ?? {}).map(([key, score]) => ({ channel: channel as Channel, key, label: key, max: 0, score, categoryAverage: null })),
  );
}

export interface ChannelRow {
  channel: Channel;
  score: number | null;
  average: number | null;
}

/** The tested channels in the rulebook's order, with the company's score and the category's average. */
export function channelsOf(report: EntryReport): ChannelRow[] {
  return CHANNELS.filter((channel) => channel in report.channelScores).map((channel) => ({
    channel,
    score: report.channelScores[channel] ?? null,
    average: report.channelAverages?.[channel] ?? null,
  }));
}

/** The score's 95 % interval, for saying the margin of error in plain words; null without a margin. */
export function intervalOf(report: EntryReport): { low: number; high: number } | null {
  if (report.score === null || report.marginOfError === null) return null;
  return { low: Math.max(0, report.score - report.marginOfError), high: Math.min(20, report.score + report.marginOfError) };
}
