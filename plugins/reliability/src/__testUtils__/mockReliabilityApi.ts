import { DEFAULT_SEVERITIES } from '@reliability-suite/plugin-reliability-common';
import type { ReliabilityApi } from '../api/ReliabilityApi';

export const SEVERITIES = DEFAULT_SEVERITIES;

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
    listRecoveryPlans: notMocked('listRecoveryPlans'),
    getRecoveryPlan: notMocked('getRecoveryPlan'),
    getRecoveryOverview: notMocked('getRecoveryOverview'),
    getRecoveryPlanHistory: jest.fn(async () => ({ components: [] })),
    getRecoveryFacts: jest.fn(async () => ({
      generatedAt: new Date().toISOString(),
      items: [],
    })),
    listRecoveryViolations: jest.fn(async () => ({ items: [], totalCount: 0 })),
    acknowledgeRecoveryViolation: notMocked('acknowledgeRecoveryViolation'),
    exportRecoveryEvidence: notMocked('exportRecoveryEvidence'),
    getAlertCoverage: jest.fn(async () => ({
      sources: [],
      alerts: [],
      deadTriggers: [],
      totals: { alerts: 0, covered: 0, badLinks: 0, deadTriggers: 0 },
      generatedAt: new Date().toISOString(),
    })),
    getAlertCoverageHistory: jest.fn(async () => []),
    getRunbookStatistics: jest.fn(async (namespace: string, name: string) => ({
      runbook: `${namespace}/${name}`,
      incidents: 0,
      steps: [],
      mitigation: {
        with: { incidents: 0, mitigated: 0 },
        without: { incidents: 0, mitigated: 0 },
      },
      patterns: [],
    })),
    refreshRunbooks: notMocked('refreshRunbooks'),
    exportRunbooks: notMocked('exportRunbooks'),
    listPostmortems: jest.fn(async () => ({ items: [], totalCount: 0 })),
    getPostmortem: notMocked('getPostmortem'),
    createPostmortem: notMocked('createPostmortem'),
    updatePostmortem: notMocked('updatePostmortem'),
    deletePostmortem: notMocked('deletePostmortem'),
    getPostmortemAudit: jest.fn(async () => []),
    listActionItems: jest.fn(async () => ({ items: [], totalCount: 0 })),
  } as unknown as jest.Mocked<ReliabilityApi>;
  for (const [key, fn] of Object.entries(answers)) {
    (api as any)[key] = jest.fn(fn as any);
  }
  return api;
}
