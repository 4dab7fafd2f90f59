/** The contact channels a company is tested on. */
export const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'CHAT', 'SOCIAL'] as const;
export type Channel = (typeof CHANNELS)[number];

export type PerChannel<T> = Partial<Record<Channel, T>>;

/** One line of an evaluation grid: points from 0 to `max`, weighted by `weight`. */
export interface GridCriterion {
  key: string;
  label: string;
  max: number;
  weight: number;
}

export interface Scenario {
  channel: Channel;
  text: string;
}
