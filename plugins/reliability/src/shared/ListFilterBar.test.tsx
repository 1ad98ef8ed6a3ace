import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { FILTER_DEBOUNCE_MS, useListFilter } from './ListFilterBar';

// The hook, and the URL it keeps the filter in.
function renderFilter(url = '/reliability/incidents') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ list: useListFilter(), location: useLocation() }),
    { wrapper },
  );
}

describe('useListFilter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows each keystroke at once and asks the list once typing pauses', () => {
    const { result } = renderFilter();
    for (const value of ['g', 'gr', 'gro', 'group:default/team-a']) {
      act(() => result.current.list.set('owner', value));
      act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS / 3));
    }
    // Still typing: the fields show it, the list has not been asked.
    expect(result.current.list.draft).toEqual({
      owner: 'group:default/team-a',
    });
    expect(result.current.list.filter).toEqual({});

    act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS));
    expect(result.current.list.filter).toEqual({
      owner: 'group:default/team-a',
    });
    // The URL holds it, for the list to be shared.
    expect(result.current.location.search).toBe(
      '?owner=group%3Adefault%2Fteam-a',
    );

    // Cleared: the key is gone, not an empty string, and gone from the URL.
    act(() => result.current.list.set('owner', ''));
    act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS));
    expect(result.current.list.filter).toEqual({ owner: undefined });
    expect(result.current.location.search).toBe('');
  });

  it('opens with the filter of a shared link', () => {
    const { result } = renderFilter(
      '/reliability/incidents?status=open&owner=group:default/platform-team&page=2',
    );
    expect(result.current.list.filter).toEqual({
      status: 'open',
      owner: 'group:default/platform-team',
    });
    expect(result.current.list.draft).toEqual(result.current.list.filter);
    // What is not a filter stays in the URL.
    expect(result.current.location.search).toContain('page=2');
  });
});
