import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  type ClassificationAnswers,
  type ClassificationDegradedMode,
  classifyIncident,
  type IncidentDeclaration,
  type IncidentImport,
  incidentMetrics,
  POSTMORTEM_MILESTONES,
  type IncidentUpdate,
  type PostmortemContent,
  type SeverityLevel,
  severityGuide,
  type AlertIntakeResult,
  type AlertmanagerWebhook,
  type AlertVerdict,
  normaliseEntityRef,
  OUTCOME_WORDS,
  RUNBOOK_STEP_SECTIONS,
  type RunbookDetails,
  type RunbookStatistics,
  severityProblem,
  type StepOutcome,
  stepPatterns,
} from '@reliability-suite/plugin-reliability-common';
import type { IncidentResource } from '@reliability-suite/plugin-reliability-node';
import { ownersOf } from '../entities/linkedOwners';
import type { PostmortemStore } from '../postmortems/PostmortemStore';
import { parsePostmortemContent } from '../postmortems/validation';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { AlertMatcher } from './AlertMatcher';
import type { IncidentConfig } from './incidentConfig';
import type { IncidentActor, IncidentStore } from './IncidentStore';

// The sections of a runbook whose steps an incident ticks.
const STEP_SECTIONS: string[] = RUNBOOK_STEP_SECTIONS.map(s => s.key);

/** A runbook's step by its id (`steps[2]`), with its title or first line. */
function stepOf(runbook: RunbookDetails, stepId: string) {
  const [, section, index] = /^(\w+)\[(\d+)\]$/.exec(stepId) ?? [];
  const step = STEP_SECTIONS.includes(section)
    ? (runbook.document.spec as any)[section]?.[Number(index)]
    : undefined;
  if (!step) return undefined;
  const label =
    typeof step === 'string'
      ? step
      : step?.title ?? step?.run ?? step?.verify ?? step?.manual;
  return { step, label: label ? String(label).slice(0, 200) : undefined };
}

// The outcomes that, repeated, tell the owner the runbook needs work.
const BAD_OUTCOMES = new Set<StepOutcome>(['failed', 'unhelpful', 'skipped']);

/**
 * The incident's milestones as a postmortem can hold them: an
 * acknowledgement stamped after the incident had already mitigated by itself
 * (records from before that was refused) is not one, and is left out.
 */
export function inOrder(
  milestones: IncidentResource['milestones'],
): IncidentResource['milestones'] {
  const { acknowledged, ...rest } = milestones;
  const recovered = milestones.mitigated ?? milestones.resolved;
  return acknowledged &&
    recovered &&
    Date.parse(acknowledged) > Date.parse(recovered)
    ? rest
    : milestones;
}

/**
 * Every change of an incident the routes ask for, checked against what the
 * backend knows (configured severities, indexed runbooks and their steps,
 * the entities' owners) and then written by the store: declaring, field
 * changes, roles, notes, status updates, ticks, pins, Alertmanager's
 * notifications (through the alert matcher), the postmortem started from an
 * incident; also the severity helper, figures, and the reminders a
 * scheduled task sends.
 */
export class IncidentService {
  constructor(
    private readonly options: {
      store: IncidentStore;
      matcher: AlertMatcher;
      runbookStore: RunbookStore;
      postmortemStore: PostmortemStore;
      catalog: CatalogService;
      auth: AuthService;
      notifications?: NotificationService;
      severities: SeverityLevel[];
      config: IncidentConfig;
      logger: LoggerService;
    },
  ) {}

  private checkSeverity(field: string, severity?: string) {
    const problem = severityProblem(
      severity,
      this.options.severities.map(s => s.id),
    );
    if (problem) throw new InputError(`${field} ${problem}`);
  }

  // Each `namespace/name` as an indexed runbook, or a 400 naming it.
  private async runbooks(refs: string[]) {
    const found = [];
    for (const [i, ref] of refs.entries()) {
      const [namespace, name] = ref.split('/');
      const runbook = await this.options.runbookStore.getRunbook(
        namespace,
        name,
      );
      if (!runbook) {
        throw new InputError(`runbooks[${i}] ${ref} is not an indexed runbook`);
      }
      found.push({ namespace, name, title: runbook.title });
    }
    return found;
  }

  owners(entityRefs: string[]) {
    return ownersOf(this.options.catalog, this.options.auth, entityRefs);
  }

  async declare(
    input: IncidentDeclaration,
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    const { store } = this.options;
    this.checkSeverity('severity', input.severity);
    const startedAt = input.startedAt ? new Date(input.startedAt) : actor.at;
    if (startedAt.getTime() > actor.at.getTime() + 60_000) {
      throw new InputError(`startedAt ${input.startedAt} is in the future`);
    }
    const runbooks = await this.runbooks(input.runbooks);
    const linkedOwners = await this.owners(input.entityRefs);
    const { id } = await store.declare(
      {
        title: input.title,
        severity: input.severity,
        summary: input.summary,
        entityRefs: input.entityRefs,
        links: input.links,
        linkedOwners,
        startedAt,
        commander: input.commander ?? actor.ref,
        runbooks,
      },
      actor,
    );
    return (await store.get(id))!;
  }

  /** An Alertmanager notification: what its alerts mean, then recorded. */
  async receiveAlerts(
    payload: AlertmanagerWebhook,
    senderRef: string,
  ): Promise<AlertIntakeResult> {
    const { store, matcher, logger } = this.options;
    const actor: IncidentActor = {
      ref: senderRef,
      source: 'alertmanager',
      at: new Date(),
    };
    const known = await store.openAlertStatuses(
      payload.alerts.map(a => a.fingerprint),
    );
    const result = await store.recordAlerts(
      await matcher.delivery(payload, known),
      actor,
    );
    if (result.opened.length || result.updated.length) {
      logger.info(
        `Alertmanager ${payload.status} ${payload.groupKey}: opened ${result.opened.length}, updated ${result.updated.length}, unchanged ${result.unchanged}`,
      );
    }
    return result;
  }

  async assignRole(
    incidentId: string,
    role: { id: string; title: string },
    user: string,
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    await this.options.store.assignRole(incidentId, role, user, actor);
    return (await this.options.store.get(incidentId))!;
  }

  async addNote(
    incidentId: string,
    note: { text: string; pinned: boolean },
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    await this.options.store.addNote(incidentId, note, actor);
    return (await this.options.store.get(incidentId))!;
  }

  async addStatusUpdate(
    incidentId: string,
    update: { conditions: string; actions: string; needs?: string },
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    await this.options.store.addStatusUpdate(incidentId, update, actor);
    return (await this.options.store.get(incidentId))!;
  }

  /**
   * Records (or clears) how a step of an attached runbook went, as the
   * runbook names it now. A bad outcome that has become a pattern ("failed
   * in 3 of the last 5 incidents") is told to the runbook's owner, once.
   */
  async tick(
    incident: IncidentResource,
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
    },
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    if (
      !incident.runbooks.some(r => `${r.namespace}/${r.name}` === tick.runbook)
    ) {
      throw new InputError(
        `runbook ${tick.runbook} is not attached to ${incident.reference}`,
      );
    }
    const [namespace, name] = tick.runbook.split('/');
    const runbook = await this.options.runbookStore.getRunbook(namespace, name);
    if (!runbook) {
      throw new InputError(`runbook ${tick.runbook} is not indexed now`);
    }
    const found = stepOf(runbook, tick.step);
    if (!found) {
      throw new InputError(
        `step ${tick.step} is not a step of runbook ${
          tick.runbook
        } (${STEP_SECTIONS.join(', ')})`,
      );
    }
    const { label } = found;
    await this.options.store.tick(
      incident.id,
      { ...tick, ...(label ? { label } : {}) },
      actor,
    );
    if (tick.done && tick.outcome && BAD_OUTCOMES.has(tick.outcome)) {
      await this.tellStepPatterns(runbook, actor.at).catch(error =>
        this.options.logger.warn(
          `Could not check ${tick.runbook}'s step patterns: ${error}`,
        ),
      );
    }
    return (await this.options.store.get(incident.id))!;
  }

  /** What one alert of the incident was: actionable, noise, duplicate. */
  async judgeAlert(
    incident: IncidentResource,
    fingerprint: string,
    verdict: AlertVerdict | null,
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    await this.options.store.judgeAlert(
      incident.id,
      fingerprint,
      verdict,
      actor,
    );
    return (await this.options.store.get(incident.id))!;
  }

  /** What the incidents that used a runbook say of it, its steps named. */
  async runbookStatistics(runbook: RunbookDetails): Promise<RunbookStatistics> {
    const ref = `${runbook.namespace}/${runbook.name}`;
    const stats = await this.options.store.runbookStatistics(
      ref,
      runbook.entityRefs,
    );
    const steps = stats.steps.map(s => {
      const label = stepOf(runbook, s.step)?.label;
      return label ? { ...s, label } : s;
    });
    return { ...stats, steps, patterns: stepPatterns(steps) };
  }

  // Each new pattern of a runbook, told to its owner (its `owner`, else its
  // entities' owners) once, across instances.
  private async tellStepPatterns(runbook: RunbookDetails, at: Date) {
    const { store, notifications, catalog, auth, logger } = this.options;
    const ref = `${runbook.namespace}/${runbook.name}`;
    const { patterns } = await this.runbookStatistics(runbook);
    if (!patterns.length || !notifications) return;
    const recipients = runbook.owner
      ? [normaliseEntityRef(runbook.owner, { defaultKind: 'group' })]
      : await ownersOf(catalog, auth, runbook.entityRefs);
    if (!recipients.length) return;
    for (const pattern of patterns) {
      if (!(await store.claimStepPattern(pattern, ref, at))) continue;
      const step = pattern.label ?? pattern.step;
      await notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `Update runbook ${runbook.title}: ${step}`,
          description: `${OUTCOME_WORDS[pattern.outcome]} in ${
            pattern.count
          } of the last ${
            pattern.of
          } incidents that used it (${pattern.incidents.join(', ')}).`,
          link: `/reliability/runbooks/${encodeURIComponent(
            runbook.namespace,
          )}/${encodeURIComponent(runbook.name)}`,
          severity: 'normal',
          topic: 'reliability:runbook-feedback',
        },
      });
      logger.info(
        `Told the owner of ${ref} that ${pattern.step} ${pattern.outcome} in ${pattern.count} of ${pattern.of}`,
      );
    }
  }

  async pin(
    incidentId: string,
    eventId: number,
    pinned: boolean,
  ): Promise<IncidentResource> {
    await this.options.store.pin(incidentId, eventId, pinned);
    return (await this.options.store.get(incidentId))!;
  }

  /** The postmortem was deleted: its incidents are no longer linked to it. */
  async postmortemDeleted(postmortemId: string, actor: IncidentActor) {
    await this.options.store.unlinkPostmortem(postmortemId, actor);
  }

  async update(
    idOrReference: string,
    patch: IncidentUpdate,
    actor: IncidentActor,
  ): Promise<IncidentResource> {
    this.checkSeverity('severity', patch.severity);
    const { version, runbooks, ...rest } = patch;
    await this.options.store.applyChange(
      idOrReference,
      version,
      {
        ...rest,
        ...(runbooks ? { runbooks: await this.runbooks(runbooks) } : {}),
        ...(patch.entityRefs
          ? { linkedOwners: await this.owners(patch.entityRefs) }
          : {}),
      },
      actor,
    );
    return (await this.options.store.get(idOrReference))!;
  }

  /**
   * An incident from another tool, with its history and — when given — the
   * postmortem it led to, linked both ways. Once per `externalId`.
   */
  async importIncident(
    input: IncidentImport,
    actor: IncidentActor,
    options: {
      /**
       * Whether the importer may publish this postmortem, as the rules for
       * publishing in the portal decide: an import is no way around them.
       */
      mayPublish?: (
        postmortem: PostmortemContent & { linkedOwners: string[] },
      ) => Promise<boolean>;
    } = {},
  ): Promise<{ incident: IncidentResource; created: boolean }> {
    const { store, postmortemStore, severities } = this.options;
    this.checkSeverity('severity', input.severity);
    for (const key of POSTMORTEM_MILESTONES) {
      const value = input.milestones[key];
      if (value && Date.parse(value) > actor.at.getTime() + 60_000) {
        throw new InputError(`milestones.${key} ${value} is in the future`);
      }
    }
    // A step's runbook is one the record attaches.
    for (const [k, t] of input.checklist.entries()) {
      if (!input.runbooks.includes(t.runbook)) {
        throw new InputError(
          `checklist[${k}].runbook ${t.runbook} is not one of its runbooks`,
        );
      }
    }
    // The milestones in order, and the ones the status implies present.
    const order = POSTMORTEM_MILESTONES;
    let last = '';
    for (const key of order) {
      const value = input.milestones[key];
      if (!value) continue;
      if (
        last &&
        Date.parse(value) <
          Date.parse(input.milestones[last as keyof typeof input.milestones]!)
      ) {
        throw new InputError(
          `milestones.${key} ${value} is before milestones.${last}`,
        );
      }
      last = key;
    }
    if (input.status === 'resolved' && !input.milestones.resolved) {
      throw new InputError(
        'milestones.resolved is required when the status is resolved',
      );
    }
    if (input.status === 'mitigated' && !input.milestones.mitigated) {
      throw new InputError(
        'milestones.mitigated is required when the status is mitigated',
      );
    }
    const postmortem = input.postmortem
      ? parsePostmortemContent(input.postmortem, {
          severities: severities.map(s => s.id),
        })
      : undefined;
    const linkedOwners = await this.owners(input.entityRefs);
    if (
      postmortem?.status === 'published' &&
      !(await options.mayPublish?.({ ...postmortem, linkedOwners }))
    ) {
      throw new NotAllowedError(
        'You may not publish this postmortem: import it as a draft or in review, and let its owner publish it',
      );
    }
    const alerts = [
      ...new Map(input.alerts.map(a => [a.fingerprint, a])).values(),
    ];
    let result: { id: string; created: boolean };
    try {
      result = await store.importIncident(
        {
          ...input,
          alerts,
          runbookTitles: await this.runbooks(input.runbooks),
          linkedOwners,
        },
        actor,
      );
    } catch (error) {
      // The same record imported at the same moment elsewhere: that one.
      const existing = /external_id/i.test(String(error))
        ? await store.byExternalId(input.externalId)
        : undefined;
      if (!existing) throw error;
      result = { id: existing, created: false };
    }
    const { id, created } = result;
    const current = (await store.get(id))!;
    if (postmortem && !current.postmortemId) {
      const pm = await postmortemStore.create(
        { ...postmortem, incidentId: id },
        { actor: actor.ref, linkedOwners, at: actor.at },
      );
      const linked = await store.linkPostmortem(id, pm.id, {
        ...actor,
        source: 'system',
        at: new Date(input.milestones.resolved ?? actor.at),
      });
      if (linked !== pm.id)
        await postmortemStore.delete(pm.id, { actor: actor.ref });
    }
    // Imported outcomes are evidence too: a pattern they complete is told.
    if (created) {
      const runbooks = new Set(
        input.checklist
          .filter(t => BAD_OUTCOMES.has(t.outcome))
          .map(t => t.runbook),
      );
      for (const ref of runbooks) {
        const [namespace, name] = ref.split('/');
        const runbook = await this.options.runbookStore.getRunbook(
          namespace,
          name,
        );
        if (!runbook) continue;
        await this.tellStepPatterns(runbook, actor.at).catch(error =>
          this.options.logger.warn(
            `Could not check ${ref}'s step patterns: ${error}`,
          ),
        );
      }
    }
    return { incident: (await store.get(id))!, created };
  }

  /**
   * A draft postmortem pre-filled from the incident — milestones, pinned
   * timeline events, alerts, runbooks, entities, severity, the commander as
   * author — linked both ways. Starting it again opens the one it has.
   */
  async startPostmortem(
    incident: IncidentResource,
    actor: IncidentActor,
  ): Promise<{ postmortemId: string; created: boolean }> {
    const { store, postmortemStore } = this.options;
    if (incident.postmortemId) {
      return { postmortemId: incident.postmortemId, created: false };
    }
    const pinned = incident.timeline.filter(e => e.pinned);
    const timeline = (pinned.length ? pinned : incident.timeline).map(e => ({
      at: e.at,
      event: e.summary.slice(0, 5000),
    }));
    // How the runbooks' steps went: what went wrong is a lesson to draw.
    const titles = new Map(
      incident.runbooks.map(r => [
        `${r.namespace}/${r.name}`,
        r.title ?? r.name,
      ]),
    );
    const stepLines = (outcomes: StepOutcome[]) =>
      incident.checklist
        .filter(t => t.done && outcomes.includes(t.outcome))
        .map(t =>
          `${titles.get(t.runbook) ?? t.runbook}, ${t.step}: ${OUTCOME_WORDS[
            t.outcome
          ].toLocaleLowerCase('en-US')}${t.note ? ` — ${t.note}` : ''}`.slice(
            0,
            1000,
          ),
        );
    const wentWrong = [
      ...stepLines(['failed', 'unhelpful']),
      ...incident.alerts
        .filter(a => a.verdict === 'noise')
        .map(a => `Alert ${a.alertName} paged for nothing (noise)`),
    ];
    // Through the postmortem's own schema: what the editor will accept.
    const content = parsePostmortemContent(
      {
        title: `${incident.reference}: ${incident.title}`.slice(0, 300),
        status: 'draft',
        authors: [incident.commander ?? actor.ref],
        severity: incident.severity,
        entityRefs: incident.entityRefs,
        alerts: [...new Set(incident.alerts.map(a => a.alertName))],
        runbooks: incident.runbooks.map(r => `${r.namespace}/${r.name}`),
        milestones: inOrder(incident.milestones),
        ...(incident.summary ? { summary: incident.summary } : {}),
        timeline: timeline.slice(0, 2000),
        ...(wentWrong.length
          ? { lessons: { wentWell: [], wentWrong, gotLucky: [] } }
          : {}),
        incidentId: incident.id,
      },
      { severities: this.options.severities.map(l => l.id) },
    );
    const postmortem = await postmortemStore.create(content, {
      actor: actor.ref,
      linkedOwners: incident.linkedOwners,
      at: actor.at,
    });
    const linked = await store.linkPostmortem(
      incident.id,
      postmortem.id,
      actor,
    );
    if (linked !== postmortem.id) {
      // Someone started it at the same moment: theirs is the one.
      await postmortemStore.delete(postmortem.id, { actor: actor.ref });
      return { postmortemId: linked, created: false };
    }
    return { postmortemId: postmortem.id, created: true };
  }

  // The degraded modes of the plans covering an entity.
  private async degradedModes(
    entityRef?: string,
  ): Promise<ClassificationDegradedMode[]> {
    if (!entityRef) return [];
    const plans = await this.options.runbookStore.listRecoveryPlans({
      entityRef,
    });
    return plans.flatMap(p =>
      (p.document.spec.degradedModes ?? []).map(d => ({
        ...d,
        plan: p.title,
      })),
    );
  }

  async classify(answers: ClassificationAnswers, entityRef?: string) {
    const degradedModes = await this.degradedModes(entityRef);
    return {
      ...classifyIncident(answers, {
        rules: this.options.config.rules,
        severities: this.options.severities,
        degradedModes,
      }),
      components: [...new Set(degradedModes.map(d => d.component))],
    };
  }

  async guide(entityRef?: string) {
    return severityGuide({
      rules: this.options.config.rules,
      severities: this.options.severities,
      degradedModes: await this.degradedModes(entityRef),
    });
  }

  async metrics(filter: {
    entityRef?: string;
    from: string;
    to: string;
    hiddenEntityRefs?: string[];
  }) {
    const incidents = await this.options.store.list({
      entityRef: filter.entityRef,
      from: filter.from,
      to: filter.to,
      hiddenEntityRefs: filter.hiddenEntityRefs,
      limit: 5000,
    });
    return incidentMetrics(incidents, filter);
  }

  /** Resolved incidents whose level needs a postmortem and that have none, oldest first. */
  async postmortemsDue(now = new Date()) {
    const { store, severities, config } = this.options;
    const due = await store.postmortemsDue({
      severities: severities.filter(s => s.postmortemRequired).map(s => s.id),
    });
    return due.map(({ reminded, ...incident }) => {
      const dueAt = new Date(
        Date.parse(incident.milestones.resolved!) +
          config.postmortemDueDays * 86400_000,
      ).toISOString();
      return {
        ...incident,
        postmortemDueAt: dueAt,
        overdue: Date.parse(dueAt) < now.getTime(),
        reminded,
      };
    });
  }

  /**
   * Reminds commanders of status updates that are due, and — for levels
   * whose config requires a postmortem — commanders and owners of incidents
   * resolved more than `postmortemDueDays` ago without one. Each once.
   * Past its timeout (`signal`) it sends no more: what it did not reach is
   * still due at the next pass, which another instance may run.
   */
  async remind(
    now = new Date(),
    signal?: AbortSignal,
  ): Promise<{ statusUpdates: number; postmortems: number }> {
    const { store, notifications, severities, config, logger } = this.options;
    let statusUpdates = 0;
    let postmortems = 0;
    if (!notifications) return { statusUpdates, postmortems };
    const send = async (entityRef: string[], payload: any) => {
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef },
          payload,
        });
        return true;
      } catch (error) {
        logger.warn(`Could not notify ${entityRef.join(', ')}: ${error}`);
        return false;
      }
    };
    for (const incident of await store.statusUpdatesDue(now)) {
      if (signal?.aborted) return { statusUpdates, postmortems };
      // Nobody leads it (an alert opened it): the affected entities' owners.
      const recipients = incident.commander
        ? [incident.commander]
        : incident.entityRefs;
      if (recipients.length === 0) continue;
      const sent = await send(recipients, {
        title: `${incident.reference}: a status update is due`,
        description: `${incident.title} (${incident.severity}) — post the conditions, actions and needs.`,
        link: `/reliability/incidents/${incident.reference}`,
        severity: 'high',
        topic: 'reliability:incident',
        scope: `reliability:incident:${incident.id}:status-update`,
      });
      if (sent) {
        await store.markReminded(incident.id, now);
        statusUpdates++;
      }
    }
    const required = severities
      .filter(s => s.postmortemRequired)
      .map(s => s.id);
    const due = await store.postmortemsDue({
      severities: required,
      resolvedBefore: new Date(
        now.getTime() - config.postmortemDueDays * 86400_000,
      ),
    });
    for (const incident of due.filter(i => !i.reminded)) {
      if (signal?.aborted) return { statusUpdates, postmortems };
      const full = await store.get(incident.id);
      const recipients = [
        ...(incident.commander ? [incident.commander] : []),
        ...(full?.entityRefs ?? []),
      ];
      if (recipients.length === 0) continue;
      const sent = await send(recipients, {
        title: `${incident.reference} needs its postmortem`,
        description: `${incident.title} (${incident.severity}) was resolved more than ${config.postmortemDueDays} days ago; ${incident.severity} incidents need a postmortem.`,
        link: `/reliability/incidents/${incident.reference}`,
        severity: 'normal',
        topic: 'reliability:incident',
        scope: `reliability:incident:${incident.id}:postmortem`,
      });
      if (sent) {
        await store.markPostmortemReminded(incident.id, now);
        postmortems++;
      }
    }
    return { statusUpdates, postmortems };
  }
}
