import type { EntryReport } from '../../api/types';
import { CHANNELS, type Channel } from '../entries/contact-points';

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
    average: report.channelAverages[channel] ?? null,
  }));
}
