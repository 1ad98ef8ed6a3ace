/**
 * The most records one page of a list answers with (`limit`'s maximum and
 * default on `GET /incidents` and `GET /postmortems`).
 *
 * @public
 */
export const MAX_PAGE_SIZE = 500;

/** Which page of a long list: `limit` records after skipping `offset`. @public */
export type PageRequest = {
  /** 1 to {@link MAX_PAGE_SIZE}; the maximum when left out. */
  limit?: number;
  /** How many matching records to skip, in the list's order; 0 when left out. */
  offset?: number;
};

/** A page of a long list, and how many records match in all. @public */
export type ListPage<T> = {
  items: T[];
  totalCount: number;
};
