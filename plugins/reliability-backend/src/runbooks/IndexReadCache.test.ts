import { IndexReadCache } from './IndexReadCache';

describe('IndexReadCache', () => {
  function setup() {
    let version = '1';
    let now = 0;
    let versionReads = 0;
    let down = false;
    const cache = new IndexReadCache({
      checkIntervalMs: 2000,
      maxEntries: 2,
      now: () => now,
      readVersion: async () => {
        versionReads += 1;
        if (down) throw new Error('connection refused');
        return version;
      },
    });
    let loads = 0;
    const load = (value: string) => async () => {
      loads += 1;
      if (down) throw new Error('connection refused');
      return value;
    };
    return {
      cache,
      load,
      loads: () => loads,
      versionReads: () => versionReads,
      setVersion: (v: string) => {
        version = v;
      },
      advance: (ms: number) => {
        now += ms;
      },
      setDown: (d: boolean) => {
        down = d;
      },
    };
  }

  it('loads once, serves from memory, and checks the version at most once per interval', async () => {
    const t = setup();
    expect(await t.cache.get('a', t.load('A1'))).toBe('A1');
    expect(await t.cache.get('a', t.load('A2'))).toBe('A1');
    expect(t.loads()).toBe(1);
    expect(t.versionReads()).toBe(1);
    t.advance(1999);
    expect(await t.cache.get('a', t.load('A2'))).toBe('A1');
    expect(t.versionReads()).toBe(1);
  });

  it("sees another instance's change once the interval passed, its own at once", async () => {
    const t = setup();
    await t.cache.get('a', t.load('A1'));
    t.setVersion('2');
    expect(await t.cache.get('a', t.load('A2'))).toBe('A1');
    t.advance(2000);
    expect(await t.cache.get('a', t.load('A2'))).toBe('A2');
    t.cache.invalidate();
    expect(await t.cache.get('a', t.load('A3'))).toBe('A3');
  });

  it('does not keep a value loaded while the index changed', async () => {
    const t = setup();
    const value = await t.cache.get('a', async () => {
      t.cache.invalidate();
      return 'old';
    });
    expect(value).toBe('old');
    expect(await t.cache.get('a', t.load('new'))).toBe('new');
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const t = setup();
    await t.cache.get('a', t.load('A'));
    await t.cache.get('b', t.load('B'));
    await t.cache.get('a', t.load('A'));
    await t.cache.get('c', t.load('C'));
    expect(t.loads()).toBe(3);
    expect(await t.cache.get('a', t.load('A again'))).toBe('A');
    expect(await t.cache.get('b', t.load('B again'))).toBe('B again');
  });

  it('serves what it holds while the database is down, and fails for the rest', async () => {
    const t = setup();
    await t.cache.get('a', t.load('A'));
    t.setDown(true);
    t.advance(5000);
    expect(await t.cache.get('a', t.load('A2'))).toBe('A');
    await expect(t.cache.get('b', t.load('B'))).rejects.toThrow(
      'connection refused',
    );
    t.setDown(false);
    t.setVersion('2');
    expect(await t.cache.get('a', t.load('A2'))).toBe('A2');
  });
});
