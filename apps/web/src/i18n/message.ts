import type fr from './fr.json';

/** The id of a message of the catalogues. */
export type Message = keyof typeof fr;
