import { ConfigReader } from '@backstage/config';
import { DEFAULT_SEVERITIES, readSeverities } from './severityConfig';

describe('readSeverities', () => {
  it('defaults to P1–P4 with the handbook response targets', () => {
    const levels = readSeverities(new ConfigReader({}));
    expect(levels).toBe(DEFAULT_SEVERITIES);
    expect(levels.map(l => [l.id, l.responseTarget])).toEqual([
      ['P1', '15 minutes'],
      ['P2', '1 hour'],
      ['P3', '4 hours'],
      ['P4', 'next business day'],
    ]);
  });

  it('reads configured levels and orders them by rank', () => {
    const levels = readSeverities(
      new ConfigReader({
        reliability: {
          severities: [
            { id: 'SEV2', rank: 2, label: 'High', pages: true },
            {
              id: 'SEV1',
              rank: 1,
              label: 'Critical',
              colour: '#ff0000',
              responseTarget: '5 minutes',
              responseMinutes: 5,
              pages: true,
              postmortemRequired: true,
            },
          ],
        },
      }),
    );
    expect(levels.map(l => l.id)).toEqual(['SEV1', 'SEV2']);
    expect(levels[0]).toMatchObject({
      colour: '#ff0000',
      responseMinutes: 5,
      postmortemRequired: true,
    });
    expect(levels[1]).toMatchObject({ pages: true, postmortemRequired: false });
  });

  it.each([
    [
      [
        { id: 'P1', rank: 1 },
        { id: 'p1', rank: 2 },
      ],
      'two levels with id p1',
    ],
    [
      [
        { id: 'A', rank: 1 },
        { id: 'B', rank: 1 },
      ],
      'two levels with rank 1',
    ],
    [[{ id: 'bad id', rank: 1 }], 'reliability.severities[0].id "bad id"'],
    [[{ id: 'A', rank: 0 }], 'reliability.severities[0].rank'],
    [[], 'at least one level'],
  ])('refuses a bad configuration (%j)', (severities, message) => {
    expect(() =>
      readSeverities(new ConfigReader({ reliability: { severities } })),
    ).toThrow(message);
  });
});
