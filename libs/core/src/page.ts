export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;

/** A page of a list: at most `limit` rows (1..500, default 100) after skipping `offset`. */
export interface Page {
  limit?: number;
  offset?: number;
}
