import type { ReliabilityApi } from '../api/ReliabilityApi';

export const SEVERITIES = [
  {
    id: 'P1',
    label: 'Critical',
    rank: 1,
    colour: '#c62828',
    description: 'Down',
    responseTarget: '15 minutes',
    responseMinutes: 15,
    pages: true,
    postmortemRequired: true,
  },
  {
    id: 'P2',
    label: 'Major',
    rank: 2,
    colour: '#ef6c00',
    description: 'Broken',
    responseTarget: '1 hour',
    responseMinutes: 60,
    pages: true,
    postmortemRequired: true,
  },
  {
    id: 'P3',
    label: 'Minor',
    rank: 3,
    colour: '#f9a825',
    description: 'Minor',
    responseTarget: '4 hours',
    pages: false,
    postmortemRequired: false,
  },
];

/** A ReliabilityApi whose every method is a jest mock that fails until given an answer. */
export function mockReliabilityApi(
  answers: Partial<ReliabilityApi> = {},
): jest.Mocked<ReliabilityApi> {
  const notMocked = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} was not mocked`);
    });
  const api = {
    getHealth: notMocked('getHealth'),
    getEntityOverview: notMocked('getEntityOverview'),
    listSeverities: jest.fn(async () => SEVERITIES),
    listRunbooks: notMocked('listRunbooks'),
    getRunbook: notMocked('getRunbook'),
    findRunbooksByAlert: notMocked('findRunbooksByAlert'),
    getRunbookIndexStatus: notMocked('getRunbookIndexStatus'),
    refreshRunbooks: notMocked('refreshRunbooks'),
    exportRunbooks: notMocked('exportRunbooks'),
  } as unknown as jest.Mocked<ReliabilityApi>;
  for (const [key, fn] of Object.entries(answers)) {
    (api as any)[key] = jest.fn(fn as any);
  }
  return api;
}
