import type { IncidentsApi } from '../api/IncidentsApi';

/**
 * An IncidentsApi whose reads answer "nothing yet" and whose writes fail
 * until given an answer; every method is a jest mock.
 */
export function mockIncidentsApi(
  answers: Partial<IncidentsApi> = {},
): jest.Mocked<IncidentsApi> {
  const notMocked = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} was not mocked`);
    });
  const api = {
    listIncidents: jest.fn(async () => ({ items: [], totalCount: 0 })),
    getIncident: notMocked('getIncident'),
    declareIncident: notMocked('declareIncident'),
    updateIncident: notMocked('updateIncident'),
    assignIncidentRole: notMocked('assignIncidentRole'),
    addIncidentNote: notMocked('addIncidentNote'),
    addIncidentStatusUpdate: notMocked('addIncidentStatusUpdate'),
    tickIncidentStep: notMocked('tickIncidentStep'),
    pinIncidentEvent: notMocked('pinIncidentEvent'),
    judgeIncidentAlert: notMocked('judgeIncidentAlert'),
    getAlertFigures: jest.fn(async () => []),
    startIncidentPostmortem: notMocked('startIncidentPostmortem'),
    listIncidentRoles: jest.fn(async () => []),
    getIncidentMetrics: jest.fn(async () => ({
      from: '2026-09-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      incidents: 0,
      perWeek: [],
    })),
    listPostmortemsDue: jest.fn(async () => []),
    getIncidentContext: jest.fn(async () => ({
      entities: [],
      truncated: false,
      pastIncidents: [],
    })),
    classifyIncident: jest.fn(async () => ({
      suggestion: { reasons: [] },
      components: [],
      guide: [],
    })),
  } as unknown as jest.Mocked<IncidentsApi>;
  for (const [key, fn] of Object.entries(answers)) {
    (api as any)[key] = jest.fn(fn as any);
  }
  // Unless given, the conditional read is the plain one, always changed.
  if (!answers.getIncidentIfChanged) {
    api.getIncidentIfChanged = jest.fn(async (id: string) => ({
      incident: await api.getIncident(id),
    }));
  }
  return api;
}
