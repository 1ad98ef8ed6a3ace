import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

// What reaches Backstage's audit log: each event with its caller (read from
// the request's credentials, as the default auditor does) and its outcome.
export interface Audited {
  eventId: string;
  severityLevel?: string;
  actor: string;
  outcome?: 'succeeded' | 'failed';
  status?: unknown;
}
/**
 * An auditor that records each event with its caller and outcome, and what
 * it names beside them (`auditedMeta`), for tests to read.
 */
export function recordingAuditor() {
  const audited: Audited[] = [];
  const auditedMeta: unknown[] = [];
  // Events with no request (the scheduled jobs'), kept apart.
  const jobs: Array<{ eventId: string; meta: unknown }> = [];
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: { httpAuth: coreServices.httpAuth },
    factory: ({ httpAuth }) => ({
      async createEvent(options) {
        if (!options.request) {
          jobs.push({ eventId: options.eventId, meta: options.meta });
          return { async success() {}, async fail() {} };
        }
        // Like the default auditor: no credentials, no event.
        const { principal } = (await httpAuth.credentials(options.request)) as {
          principal: { userEntityRef?: string; subject?: string };
        };
        const event: Audited = {
          eventId: options.eventId,
          severityLevel: options.severityLevel,
          actor: principal.userEntityRef ?? principal.subject ?? 'unknown',
        };
        audited.push(event);
        auditedMeta.push(options.meta);
        return {
          async success(o) {
            Object.assign(event, {
              outcome: 'succeeded',
              status: o?.meta?.status,
            });
          },
          async fail(o) {
            Object.assign(event, { outcome: 'failed', status: o.meta?.status });
          },
        };
      },
    }),
  });
  return { audited, auditedMeta, jobs, factory };
}
