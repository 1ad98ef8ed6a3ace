import TablePagination from '@material-ui/core/TablePagination';
import type {
  ListPage,
  PageRequest,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** Where a paged list stands: the page shown, its size, how many match. */
export interface ListPagePosition {
  page: number;
  pageSize: number;
  totalCount: number;
  onPageChange: (page: number) => void;
}

/**
 * One page of a long list read from the backend (`limit`/`offset`), and
 * the page shown; a change of `filterKey` (the filters, as text) goes back
 * to the first page, and a page past the end (the list shrank) moves to the
 * last one.
 */
export function usePagedList<T>(
  load: (page: Required<PageRequest>) => Promise<ListPage<T>>,
  filterKey: string,
  pageSize = 25,
) {
  const [at, setAt] = useState({ filterKey, page: 0 });
  if (at.filterKey !== filterKey) setAt({ filterKey, page: 0 });
  const page = at.filterKey === filterKey ? at.page : 0;
  const state = useAsync(
    async () => ({
      page,
      ...(await load({ limit: pageSize, offset: page * pageSize })),
    }),
    [filterKey, page, pageSize],
  );
  const loaded = state.value;
  useEffect(() => {
    if (
      loaded &&
      loaded.page > 0 &&
      loaded.page * pageSize >= loaded.totalCount
    ) {
      const last = Math.max(0, Math.ceil(loaded.totalCount / pageSize) - 1);
      setAt(a => (a.page === loaded.page ? { ...a, page: last } : a));
    }
  }, [loaded, pageSize]);
  // The page the rows shown belong to (not the one being read).
  const position: ListPagePosition | undefined = loaded && {
    page: loaded.page,
    pageSize,
    totalCount: loaded.totalCount,
    onPageChange: p => setAt({ filterKey, page: p }),
  };
  return { ...state, position };
}

/** "26–50 of 1,203" with previous and next, under a list read a page at a time. */
export const ListPager = ({ position }: { position: ListPagePosition }) =>
  position.totalCount > position.pageSize || position.page > 0 ? (
    <TablePagination
      component="div"
      count={position.totalCount}
      page={position.page}
      rowsPerPage={position.pageSize}
      rowsPerPageOptions={[]}
      onPageChange={(_, p) => position.onPageChange(p)}
      labelDisplayedRows={({ from, to, count }) =>
        `${from.toLocaleString('en-US')}–${to.toLocaleString(
          'en-US',
        )} of ${count.toLocaleString('en-US')}`
      }
    />
  ) : null;

/**
 * The options of a table of `rows` records: all of them paged in the browser
 * (20 at a time, when more), or — with `position` — one page read from the
 * backend, unsorted (a page's rows sorted alone would look like the whole
 * list sorted).
 */
export const listTableOptions = (
  rows: number,
  position?: ListPagePosition,
) => ({
  paging: !position && rows > 20,
  pageSize: 20,
  sorting: !position,
  padding: 'dense' as const,
});
