import { mockServices } from '@backstage/backend-test-utils';
import { auditedScheduler } from './auditedScheduler';

describe('auditedScheduler', () => {
  it('audits every run of a task: success, and failure with its error', async () => {
    const events: Array<{ eventId: string; meta: unknown; outcome?: string }> =
      [];
    const auditor = {
      createEvent: jest.fn(async (options: any) => {
        const event: (typeof events)[number] = {
          eventId: options.eventId,
          meta: options.meta,
        };
        events.push(event);
        return {
          success: async () => {
            event.outcome = 'success';
          },
          fail: async ({ error }: { error: Error }) => {
            event.outcome = `failed: ${error.message}`;
          },
        };
      }),
    };
    const inner = mockServices.scheduler();
    const scheduler = auditedScheduler(inner, auditor);
    let fail = false;
    await scheduler.scheduleTask({
      id: 'reliability-test-job',
      frequency: { hours: 1 },
      timeout: { minutes: 1 },
      fn: async () => {
        if (fail) throw new Error('the source is down');
      },
    });
    await scheduler.triggerTask('reliability-test-job');
    fail = true;
    await scheduler.triggerTask('reliability-test-job');
    expect(events).toEqual([
      {
        eventId: 'scheduled-task',
        meta: { taskId: 'reliability-test-job' },
        outcome: 'success',
      },
      {
        eventId: 'scheduled-task',
        meta: { taskId: 'reliability-test-job' },
        outcome: 'failed: the source is down',
      },
    ]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ severityLevel: 'medium' }),
    );
  });
});
