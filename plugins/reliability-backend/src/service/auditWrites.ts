import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type express from 'express';

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

/** `declareIncident` → `declare-incident`, as Backstage's audit event ids read. */
const kebab = (operationId: string) =>
  operationId.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

// The entity refs a write names: `entityRef` or `entityRefs` in its body or
// query (as given: the route normalises them).
function entitiesOf(req: express.Request): { entityRefs?: string[] } {
  const refs = new Set<string>();
  for (const source of [req.body, req.query] as unknown[]) {
    if (!source || typeof source !== 'object') continue;
    const { entityRef, entityRefs } = source as Record<string, unknown>;
    if (typeof entityRef === 'string') refs.add(entityRef);
    if (Array.isArray(entityRefs)) {
      for (const r of entityRefs) if (typeof r === 'string') refs.add(r);
    }
  }
  return refs.size ? { entityRefs: [...refs].slice(0, 50) } : {};
}

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
        // The path names the record written (an incident, a postmortem, a
        // violation); the entities it is about, as the request names them.
        meta: { path: req.path, ...entitiesOf(req) },
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
