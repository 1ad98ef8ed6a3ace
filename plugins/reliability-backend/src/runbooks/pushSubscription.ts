import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { parsePush, PUSH_TOPICS } from './pushEvents';
import type { RunbookIndexer } from './RunbookIndexer';

/**
 * Listens for pushes on the events service and re-reads the runbook
 * locations each reaches, at once. With several backend instances and the
 * events backend's bus, each push is handled by one of them. Every push that
 * reaches a location is in the audit log (`runbook-push`).
 */
export async function subscribeToPushes(options: {
  events: EventsService;
  indexer: Pick<RunbookIndexer, 'indexPushed'>;
  auditor: AuditorService;
  logger: LoggerService;
}): Promise<void> {
  const { events, indexer, auditor, logger } = options;
  await events.subscribe({
    id: 'reliability-runbook-push',
    topics: PUSH_TOPICS,
    onEvent: async ({ topic, eventPayload }) => {
      const push = parsePush(topic, eventPayload);
      if (!push) return;
      const started = Date.now();
      const event = await auditor.createEvent({
        eventId: 'runbook-push',
        severityLevel: 'medium',
        meta: { topic, repository: push.urls[0], branch: push.branch },
      });
      try {
        const locations = await indexer.indexPushed(push);
        if (locations.length) {
          logger.info(
            `A push to ${push.urls[0]} (${push.branch}) re-read ${
              locations.length
            } runbook location(s) in ${
              Date.now() - started
            } ms: ${locations.join(', ')}`,
          );
        }
        await event.success({ meta: { locations } });
      } catch (error) {
        // The scheduled pass will read it: the event is not retried.
        logger.warn(
          `Could not re-read runbooks after a push to ${push.urls[0]}: ${
            (error as Error).message
          }`,
        );
        await event.fail({ error: error as Error });
      }
    },
  });
}
