import type {
  AuditorService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * The plugin's scheduler, with every run of every task it schedules in
 * Backstage's audit log (`coreServices.auditor`): a `scheduled-task` event
 * naming the task, a success or the failure with its error. The jobs write
 * (the runbook index, alert rules, backup reports, evaluations, digests),
 * and a write with no person behind it is audited too — the plugin is the
 * actor.
 */
export function auditedScheduler(
  scheduler: SchedulerService,
  auditor: AuditorService,
): SchedulerService {
  const audited = (
    task: SchedulerServiceTaskInvocationDefinition,
  ): SchedulerServiceTaskInvocationDefinition => ({
    ...task,
    fn: async signal => {
      const event = await auditor.createEvent({
        eventId: 'scheduled-task',
        severityLevel: 'medium',
        meta: { taskId: task.id },
      });
      try {
        await task.fn(signal);
      } catch (error) {
        await event.fail({
          error: error instanceof Error ? error : new Error(String(error)),
          meta: { taskId: task.id },
        });
        throw error;
      }
      await event.success({ meta: { taskId: task.id } });
    },
  });
  return {
    scheduleTask: task => scheduler.scheduleTask({ ...task, ...audited(task) }),
    createScheduledTaskRunner: (
      schedule: SchedulerServiceTaskScheduleDefinition,
    ) => {
      const runner = scheduler.createScheduledTaskRunner(schedule);
      return { run: task => runner.run(audited(task)) };
    },
    triggerTask: id => scheduler.triggerTask(id),
    cancelTask: id => scheduler.cancelTask(id),
    getScheduledTasks: () => scheduler.getScheduledTasks(),
  };
}
