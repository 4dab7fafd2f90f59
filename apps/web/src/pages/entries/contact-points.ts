import type { CreateEntry } from '../../api/types';
import type { Message } from '../../i18n/message';
import { contactPointChecks, MAX_PER_CHANNEL } from '../../rules/checks';

export const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'CHAT', 'SOCIAL'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ContactPointValues = Record<Channel, string[]>;

/** The channels a category tests: those with a quota. Only they take contact points. */
export function testedChannels(quotas: Partial<Record<Channel, number>>): Channel[] {
  return CHANNELS.filter((channel) => (quotas[channel] ?? 0) > 0);
}

export function emptyContactPoints(): ContactPointValues {
  return { PHONE: [''], EMAIL: [''], WEB: [''], CHAT: [''], SOCIAL: [''] };
}

/**
 * The stepper's inline checks, keyed by the form's field paths (`contactPoints.PHONE.0`): each filled
 * contact point of a tested channel follows the API's rule for its channel, at most 20 per channel,
 * and at least one over all the tested channels. Blank lines are left out, not refused.
 */
export function checkContactPoints(values: ContactPointValues, channels: Channel[]): Record<string, Message> {
  const errors: Record<string, Message> = {};
  let filled = 0;
  for (const channel of channels) {
    const points = values[channel];
    points.forEach((point, index) => {
      if (!point.trim()) return;
      filled++;
      const problem = contactPointChecks[channel](point.trim());
      if (problem) errors[`contactPoints.${channel}.${index}`] = problem;
    });
    if (points.filter((point) => point.trim()).length > MAX_PER_CHANNEL) errors[`contactPoints.${channel}`] = 'check.tooMany';
  }
  if (filled === 0) errors.contactPoints = 'check.oneContactPoint';
  return errors;
}

/** What `POST /api/entries` receives: the tested channels' filled contact points, trimmed; a channel left empty is not sent. */
export function entryBody(categoryId: string, values: ContactPointValues, channels: Channel[]): CreateEntry {
  const contactPoints: CreateEntry['contactPoints'] = {};
  for (const channel of channels) {
    const points = values[channel].map((point) => point.trim()).filter(Boolean);
    if (points.length) contactPoints[channel] = points;
  }
  return { categoryId, contactPoints };
}
