import { InputError } from '@backstage/errors';
import {
  type ListPage,
  MAX_PAGE_SIZE,
  type PageRequest,
} from '@reliability-suite/plugin-reliability-common';

const MAX_OFFSET = 1_000_000_000;

/**
 * `limit` and `offset` of a list request: the maximum page from the start
 * when left out, a 400 naming the parameter for anything but a whole number
 * in range. The document's validator has already turned them into numbers
 * (and refused what is not one); this check is what the handler relies on
 * should a route be served without it.
 */
export function pageParams(
  query: Record<string, unknown>,
  maxLimit: number = MAX_PAGE_SIZE,
): Required<PageRequest> {
  const whole = (key: string, min: number, max: number, fallback: number) => {
    const v = query[key];
    if (v === undefined || v === '') return fallback;
    const n =
      typeof v === 'number' || (typeof v === 'string' && /^\d{1,10}$/.test(v))
        ? Number(v)
        : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InputError(
        `${key} must be a whole number from ${min} to ${max}`,
      );
    }
    return n;
  };
  return {
    limit: whole('limit', 1, maxLimit, maxLimit),
    offset: whole('offset', 0, MAX_OFFSET, 0),
  };
}

/**
 * A page and the count of all that match: the count is asked of the
 * database only when the page cannot tell it — a page that comes back short
 * ends the list, so the total is its offset plus its length.
 */
export async function pageWithCount<T>(
  page: Required<PageRequest>,
  list: () => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ListPage<T>> {
  const items = await list();
  const ended =
    items.length < page.limit && (items.length > 0 || page.offset === 0);
  return {
    items,
    totalCount: ended ? page.offset + items.length : await count(),
  };
}

/**
 * The answer of a list route: the page the request's `limit` and `offset`
 * ask for of what `filter` matches in `store`, with `totalCount`.
 */
export function listPage<F, T>(
  store: {
    list(filter: F & PageRequest): Promise<T[]>;
    count(filter: F): Promise<number>;
  },
  filter: F,
  query: Record<string, unknown>,
  /** The largest page, and the page when none is asked for. */
  maxLimit: number = MAX_PAGE_SIZE,
): Promise<ListPage<T>> {
  const page = pageParams(query, maxLimit);
  return pageWithCount(
    page,
    () => store.list({ ...filter, ...page }),
    () => store.count(filter),
  );
}
