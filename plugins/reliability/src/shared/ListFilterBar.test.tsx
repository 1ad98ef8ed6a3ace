import { act, renderHook } from '@testing-library/react';
import { FILTER_DEBOUNCE_MS, useListFilter } from './ListFilterBar';

describe('useListFilter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows each keystroke at once and asks the list once typing pauses', () => {
    const { result } = renderHook(() => useListFilter());
    for (const value of ['g', 'gr', 'gro', 'group:default/team-a']) {
      act(() => result.current.set('owner', value));
      act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS / 3));
    }
    // Still typing: the fields show it, the list has not been asked.
    expect(result.current.draft).toEqual({ owner: 'group:default/team-a' });
    expect(result.current.filter).toEqual({});

    act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS));
    expect(result.current.filter).toEqual({ owner: 'group:default/team-a' });

    // Cleared: the key is gone, not an empty string.
    act(() => result.current.set('owner', ''));
    act(() => jest.advanceTimersByTime(FILTER_DEBOUNCE_MS));
    expect(result.current.filter).toEqual({ owner: undefined });
  });
});
