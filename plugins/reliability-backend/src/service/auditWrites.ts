import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type express from 'express';

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

/** `declareIncident` → `declare-incident`, as Backstage's audit event ids read. */
const kebab = (operationId: string) =>
  operationId.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

/**
 * Every write of the API in Backstage's audit log (`coreServices.auditor`):
 * one event per request, named by its operation in the OpenAPI document,
 * with the caller (the auditor reads the request's credentials), and its
 * outcome once the answer is sent — success, or a failure with its status.
 * A middleware of the generated router, so a write added to the document
 * later is audited without code of its own. Imports of history are `high`
 * (as Backstage rates imports), every other write `medium`.
 */
export function auditWrites(
  auditor: AuditorService,
  paths: Record<string, Record<string, unknown>>,
): express.RequestHandler {
  const operations = Object.entries(paths).flatMap(([template, item]) =>
    WRITES.filter(method => item[method]).map(method => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      eventId: kebab((item[method] as { operationId: string }).operationId),
    })),
  );
  const severity = (eventId: string): AuditorServiceEventSeverityLevel =>
    eventId.startsWith('import-') ? 'high' : 'medium';

  return (req, res, next) => {
    const operation = operations.find(
      o => o.method === req.method && o.pattern.test(req.path),
    );
    if (!operation) {
      next();
      return;
    }
    auditor
      .createEvent({
        eventId: operation.eventId,
        severityLevel: severity(operation.eventId),
        request: req,
        meta: { path: req.path },
      })
      .then(
        event => {
          res.on('finish', () => {
            const meta = { status: res.statusCode };
            void (res.statusCode < 400
              ? event.success({ meta })
              : event.fail({
                  meta,
                  error: new Error(`answered ${res.statusCode}`),
                }));
          });
          next();
        },
        // No credentials to name an actor by: the route answers 401.
        () => next(),
      );
  };
}
