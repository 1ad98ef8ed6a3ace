import { pageParams, pageWithCount } from './paging';

describe('pageWithCount', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i);
  const run = async (limit: number, offset: number) => {
    const count = jest.fn(async () => rows.length);
    const answer = await pageWithCount(
      { limit, offset },
      async () => rows.slice(offset, offset + limit),
      count,
    );
    return { ...answer, counted: count.mock.calls.length > 0 };
  };

  it('asks for the count only when the page cannot tell it', async () => {
    // A full page: more may follow.
    expect(await run(10, 0)).toMatchObject({ totalCount: 23, counted: true });
    // A short page ends the list.
    expect(await run(10, 20)).toMatchObject({ totalCount: 23, counted: false });
    expect(await run(500, 0)).toMatchObject({ totalCount: 23, counted: false });
    // Past the end: the page says nothing of how many there are.
    expect(await run(10, 40)).toMatchObject({ totalCount: 23, counted: true });
  });

  it('counts nothing for an empty list read from the start', async () => {
    const count = jest.fn(async () => 0);
    expect(
      await pageWithCount({ limit: 10, offset: 0 }, async () => [], count),
    ).toEqual({ items: [], totalCount: 0 });
    expect(count).not.toHaveBeenCalled();
  });
});

describe('pageParams', () => {
  it('defaults to the largest page from the start, and refuses what is out of range', () => {
    expect(pageParams({})).toEqual({ limit: 500, offset: 0 });
    expect(pageParams({ limit: '25', offset: '50' })).toEqual({
      limit: 25,
      offset: 50,
    });
    expect(() => pageParams({ limit: '0' })).toThrow(
      /limit must be a whole number from 1 to 500/,
    );
    expect(() => pageParams({ offset: '-1' })).toThrow(/offset/);
    expect(() => pageParams({ limit: ['1', '2'] as any })).toThrow(/limit/);
  });
});
