import { CHANNELS, type Channel } from '@app/contest';
import type { ContactPoints, EntryStatus } from './entities/entry.entity';

/** A company's entry in a category, as `EntriesService` takes it (its shape is checked at the door). */
export interface NewEntry {
  categoryId: string;
  contactPoints: ContactPoints;
}

/** Which entries to list; the company's own for a company user. */
export interface EntryFilter {
  editionId?: string;
  categoryId?: string;
  status?: EntryStatus;
}

/** The channels an entry gives contact points for, in the canonical order. */
export const channelsOf = (contactPoints: ContactPoints): Channel[] => CHANNELS.filter((c) => (contactPoints[c]?.length ?? 0) > 0);
