import { InputError } from '@backstage/errors';
import {
  type BackupEvent,
  backupEventSchema,
  describeIssues,
} from '@reliability-suite/plugin-reliability-common';
import { entityRefParam } from '../service/params';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { BackupEventStore, EventTarget } from './BackupEventStore';

// Clocks differ a little between a backup host and the portal.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** An event checked and placed on a component of a recovery plan. */
export interface PlacedEvent {
  event: BackupEvent;
  target: EventTarget;
  /**
   * The entity the report speaks for: the component's own entity when it
   * has one, else the entity the event named. Who may report is decided on
   * this one, so a plan's entity plus a component name cannot reach a
   * component another team owns.
   */
  subjectRef: string;
}

/**
 * The component of a recovery plan an event is about: named by the plan's
 * entity and the component's name, or by the component's own entity.
 */
async function resolveTarget(
  store: RunbookStore,
  event: BackupEvent,
  field: string,
): Promise<EventTarget & { entityRef: string; subjectRef: string }> {
  const entityRef = entityRefParam(event.entityRef, `${field}.entityRef`);
  const plans = await store.listRecoveryPlans({ entityRef });
  const matches = plans.flatMap(plan =>
    plan.document.spec.components
      .filter(c =>
        event.component
          ? c.name === event.component
          : c.entityRef === entityRef,
      )
      .map(c => ({
        planNamespace: plan.namespace,
        planName: plan.name,
        component: c.name,
        entityRef,
        subjectRef: c.entityRef ?? entityRef,
      })),
  );
  if (matches.length === 1) return matches[0];
  if (plans.length === 0) {
    throw new InputError(
      `${field}.entityRef: no recovery plan covers ${entityRef}`,
    );
  }
  const names = plans.flatMap(p =>
    p.document.spec.components.map(c => `${p.name}/${c.name}`),
  );
  if (matches.length === 0) {
    throw new InputError(
      event.component
        ? `${field}.component: no recovery plan covering ${entityRef} has a component ${
            event.component
          } (it has ${names.join(', ')})`
        : `${field}.component is required: ${entityRef} is not the entity of one component (components: ${names.join(
            ', ',
          )})`,
    );
  }
  throw new InputError(
    `${field}.component ${event.component} is in several plans covering ${entityRef}; name the component's own entity instead`,
  );
}

/**
 * Where every backup run and restore drill comes in — the push API, the
 * importers of tool output and the scheduled sources alike: each event is
 * checked against the one schema, its times against the clock, and placed
 * on a component of a recovery plan before it is stored; an id already
 * stored changes nothing.
 */
export class BackupIngest {
  constructor(
    private readonly runbookStore: RunbookStore,
    private readonly eventStore: BackupEventStore,
  ) {}

  /** Checks and places one event; an InputError names what is wrong. */
  async place(
    input: unknown,
    field: string,
    now = Date.now(),
  ): Promise<PlacedEvent> {
    const parsed = backupEventSchema.safeParse(input);
    if (!parsed.success) {
      throw new InputError(
        describeIssues(parsed.error.issues)
          .slice(0, 10)
          .map(p => `${field}.${p.path} ${p.message}`)
          .join('; '),
      );
    }
    const event = parsed.data;
    for (const key of ['startedAt', 'finishedAt'] as const) {
      const value = event[key];
      if (value && Date.parse(value) > now + CLOCK_SKEW_MS) {
        throw new InputError(`${field}.${key} ${value} is in the future`);
      }
    }
    const { entityRef, subjectRef, ...target } = await resolveTarget(
      this.runbookStore,
      event,
      field,
    );
    // Stored, and its id scoped, under the full ref however it was named.
    return { event: { ...event, entityRef }, target, subjectRef };
  }

  /**
   * All or nothing: the first bad event is a 400 and nothing is stored.
   * `authorize` is given the entities the events speak for, once every
   * event is placed and before any is stored; it throws to refuse them.
   */
  async ingestAll(
    inputs: unknown[],
    reportedBy: string,
    authorize?: (subjectRefs: string[]) => Promise<void>,
  ): Promise<{ accepted: number; duplicates: number }> {
    const now = Date.now();
    const placed: PlacedEvent[] = [];
    for (const [i, input] of inputs.entries()) {
      placed.push(await this.place(input, `events[${i}]`, now));
    }
    await authorize?.([...new Set(placed.map(p => p.subjectRef))]);
    return this.eventStore.add(placed, { reportedBy, at: new Date(now) });
  }

  /**
   * Each on its own, for sources read on a schedule: a bad event is set
   * aside with its reason and the others are stored.
   */
  async ingestEach(
    inputs: unknown[],
    reportedBy: string,
  ): Promise<{ accepted: number; duplicates: number; rejected: string[] }> {
    const now = Date.now();
    const placed: PlacedEvent[] = [];
    const rejected: string[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        placed.push(await this.place(input, `events[${i}]`, now));
      } catch (error) {
        rejected.push((error as Error).message);
      }
    }
    const stored = placed.length
      ? await this.eventStore.add(placed, { reportedBy, at: new Date(now) })
      : { accepted: 0, duplicates: 0 };
    return { ...stored, rejected };
  }
}
