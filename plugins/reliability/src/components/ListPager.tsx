import TablePagination from '@material-ui/core/TablePagination';
import type {
  ListPage,
  PageRequest,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
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
 * to the first page.
 */
export function usePagedList<T>(
  load: (page: Required<PageRequest>) => Promise<ListPage<T>>,
  filterKey: string,
  pageSize = 25,
) {
  const [at, setAt] = useState({ filterKey, page: 0 });
  const page = at.filterKey === filterKey ? at.page : 0;
  const state = useAsync(
    () => load({ limit: pageSize, offset: page * pageSize }),
    [filterKey, page, pageSize],
  );
  const position: ListPagePosition | undefined = state.value && {
    page,
    pageSize,
    totalCount: state.value.totalCount,
    onPageChange: p => setAt({ filterKey, page: p }),
  };
  return { ...state, position };
}

/** "26–50 of 1,203" with previous and next, under a list read a page at a time. */
export const ListPager = ({ position }: { position: ListPagePosition }) =>
  position.totalCount > position.pageSize ? (
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
