import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  actsAsPerson,
  type AlertIntakeResult,
  type AlertmanagerAlert,
  type AlertRuleFigures,
  type AlertVerdict,
  applyIncidentPatch,
  incidentReference,
  incidentTimeline,
  type IncidentAlert,
  type IncidentEvent,
  type IncidentImport,
  type IncidentLink,
  type IncidentMilestones,
  type IncidentRunbookRef,
  type IncidentStatus,
  type IncidentSummary,
  MAX_PAGE_SIZE,
  median,
  type MitigationFigures,
  type PageRequest,
  RUNBOOK_STEP_SECTIONS,
  type RunbookStatistics,
  type RunbookStepStatistics,
  STEP_PATTERN_WINDOW,
  type StepOutcome,
  type StepPattern,
  type SeverityLevel,
  severityRank,
  statusFromAlerts,
  type TimelineEntry,
  transitionStatus,
} from '@reliability-suite/plugin-reliability-common';
import type { IncidentResource } from '@reliability-suite/plugin-reliability-node';
import type { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import { inSlices } from '../database/slices';
import { migratedClient, toIso } from '../database/database';
import type {
  AlertDelivery,
  AlertMatch,
  IncidentActor,
  IncidentChange,
  IncidentListFilter,
  IncidentStore,
  NewIncident,
} from './IncidentStore';

// Alertmanager's "not ended yet".
const NOT_ENDED = /^0001-01-01/;

const T = {
  incidents: 'reliability_incidents',
  entities: 'reliability_incident_entities',
  groups: 'reliability_incident_groups',
  alerts: 'reliability_incident_alerts',
  runbooks: 'reliability_incident_runbooks',
  roles: 'reliability_incident_roles',
  events: 'reliability_incident_events',
  ticks: 'reliability_incident_ticks',
  patterns: 'reliability_runbook_step_patterns',
  digests: 'reliability_alert_digests',
  updates: 'reliability_incident_status_updates',
};

type Db = Knex | Knex.Transaction;
type Stamp = Date | string | number | null;
type IncidentRow = {
  id: string;
  number: number;
  title: string;
  summary: string | null;
  status: IncidentStatus;
  severity: string;
  entity_refs: string;
  links: string;
  linked_owners: string;
  group_key: string | null;
  postmortem_id: string | null;
  started_at: Stamp;
  detected_at: Stamp;
  acknowledged_at: Stamp;
  mitigated_at: Stamp;
  resolved_at: Stamp;
  last_status_update_at: Stamp;
  reminded_at: Stamp;
  postmortem_reminded_at: Stamp;
  created_at: Stamp;
  created_by: string;
  external_id: string | null;
  updated_at: Stamp;
  version: number;
};

/** An alert as a row of the incident's alerts. */
function alertRow(
  incidentId: string,
  alert: {
    fingerprint: string;
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    generatorURL?: string;
  },
  endsAt: Date | null,
  at: Date,
) {
  return {
    incident_id: incidentId,
    fingerprint: alert.fingerprint,
    alert_name: (alert.labels.alertname ?? 'alert').slice(0, 200),
    status: alert.status,
    labels: JSON.stringify(alert.labels),
    annotations: JSON.stringify(alert.annotations),
    starts_at: new Date(alert.startsAt),
    ends_at: alert.status === 'resolved' ? endsAt ?? at : null,
    generator_url: alert.generatorURL ?? null,
    updated_at: at,
  };
}

const groupHash = (groupKey: string) =>
  createHash('sha256').update(groupKey).digest('hex');

const reference = incidentReference;

// A step's place in its runbook: sections in the runbook's order, then index.
function stepOrder(step: string): number {
  const [, section, index] = /^(\w+)\[(\d+)\]$/.exec(step) ?? [];
  const at = RUNBOOK_STEP_SECTIONS.findIndex(s => s.key === section);
  return (at < 0 ? 99 : at) * 10_000 + Number(index ?? 0);
}

/**
 * Incidents in the plugin's database (SQLite or PostgreSQL): each write is
 * one transaction, field changes are versioned (a stale update is a 409),
 * and everything else — notes, ticks, status updates, alerts — is appended,
 * so that several people at once all keep what they wrote.
 */
export class DatabaseIncidentStore implements IncidentStore {
  static async create(options: {
    database: DatabaseService;
    /** The configured levels: their ranks, and minutes between status updates. */
    severities: SeverityLevel[];
    /** The role that leads (the commander). */
    leadRole?: { id: string; title: string };
    /** The most notes one incident holds; past it a note is a 409. */
    maxNotes?: number;
  }): Promise<DatabaseIncidentStore> {
    return new DatabaseIncidentStore(
      await migratedClient(options.database),
      options.severities,
      options.leadRole ?? { id: 'commander', title: 'Incident commander' },
      options.maxNotes ?? 1000,
    );
  }

  private readonly statusUpdateMinutes: Record<string, number | undefined>;

  private constructor(
    private readonly db: Knex,
    private readonly severities: SeverityLevel[],
    private readonly lead: { id: string; title: string },
    private readonly maxNotes: number,
  ) {
    this.statusUpdateMinutes = Object.fromEntries(
      severities.map(s => [s.id, s.statusUpdateMinutes]),
    );
  }

  /**
   * The incident's row, locked until the transaction ends (PostgreSQL; an
   * SQLite transaction holds the whole database anyway): writes to one
   * incident from several requests or instances happen one after another.
   */
  private locked(tx: Db, id: string) {
    const query = tx<IncidentRow>(T.incidents).where({ id });
    return (
      this.db.client.config.client === 'pg' ? query.forUpdate() : query
    ).first();
  }

  // ---- reads -------------------------------------------------------------

  private milestones(row: IncidentRow): IncidentMilestones {
    return {
      started: toIso(row.started_at)!,
      ...(row.detected_at ? { detected: toIso(row.detected_at) } : {}),
      ...(row.acknowledged_at
        ? { acknowledged: toIso(row.acknowledged_at) }
        : {}),
      ...(row.mitigated_at ? { mitigated: toIso(row.mitigated_at) } : {}),
      ...(row.resolved_at ? { resolved: toIso(row.resolved_at) } : {}),
    };
  }

  private statusUpdateDueAt(row: IncidentRow): string | undefined {
    const cadence = this.statusUpdateMinutes[row.severity];
    if (row.status !== 'open' || !cadence) return undefined;
    const from =
      row.last_status_update_at ?? row.acknowledged_at ?? row.created_at;
    return new Date(
      new Date(toIso(from)!).getTime() + cadence * 60_000,
    ).toISOString();
  }

  private async summaries(
    db: Db,
    rows: IncidentRow[],
  ): Promise<IncidentSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const [commanders, alertCounts] = await Promise.all([
      db(T.roles)
        .whereIn('incident_id', ids)
        .whereNull('handed_over_at')
        .where('role', this.lead.id)
        .select('incident_id', 'user_ref'),
      db(T.alerts)
        .whereIn('incident_id', ids)
        .select('incident_id', 'status')
        .count({ n: '*' })
        .groupBy('incident_id', 'status'),
    ]);
    const commander = new Map(
      commanders.map(r => [r.incident_id, r.user_ref as string]),
    );
    const counts = new Map<string, { all: number; firing: number }>();
    for (const c of alertCounts as any[]) {
      const entry = counts.get(c.incident_id) ?? { all: 0, firing: 0 };
      entry.all += Number(c.n);
      if (c.status === 'firing') entry.firing += Number(c.n);
      counts.set(c.incident_id, entry);
    }
    return rows.map(row => {
      const due = this.statusUpdateDueAt(row);
      return {
        id: row.id,
        number: row.number,
        reference: reference(row.number),
        title: row.title,
        status: row.status,
        severity: row.severity,
        entityRefs: JSON.parse(row.entity_refs),
        ...(commander.get(row.id) ? { commander: commander.get(row.id) } : {}),
        milestones: this.milestones(row),
        ...(row.postmortem_id ? { postmortemId: row.postmortem_id } : {}),
        ...(due ? { statusUpdateDueAt: due } : {}),
        alertCount: counts.get(row.id)?.all ?? 0,
        firingAlertCount: counts.get(row.id)?.firing ?? 0,
        createdAt: toIso(row.created_at)!,
        createdBy: row.created_by,
        ...(row.external_id
          ? { imported: { externalId: row.external_id, by: row.created_by } }
          : {}),
        updatedAt: toIso(row.updated_at)!,
        version: row.version,
      };
    });
  }

  /** The incident's row by its id or its reference (`INC-42`). */
  private async row(db: Db, idOrReference: string) {
    const number = /^INC-(\d{1,9})$/i.exec(idOrReference)?.[1];
    const found = await db<IncidentRow>(T.incidents)
      .where(number ? { number: Number(number) } : { id: idOrReference })
      .first('id');
    return found ? this.locked(db, found.id) : undefined;
  }

  private async full(db: Db, row: IncidentRow): Promise<IncidentResource> {
    const [summary] = await this.summaries(db, [row]);
    const id = row.id;
    const [roles, alerts, runbooks, ticks, updates, events] = await Promise.all(
      [
        db(T.roles).where({ incident_id: id }).orderBy('id'),
        db(T.alerts).where({ incident_id: id }).orderBy('starts_at'),
        db(T.runbooks).where({ incident_id: id }).orderBy('attached_at'),
        db(T.ticks).where({ incident_id: id }).orderBy('at'),
        db(T.updates).where({ incident_id: id }).orderBy('id'),
        db(T.events)
          .where({ incident_id: id })
          .orderBy([
            { column: 'at', order: 'asc' },
            { column: 'id', order: 'asc' },
          ]),
      ],
    );
    return {
      ...summary,
      ...(row.summary ? { summary: row.summary } : {}),
      links: JSON.parse(row.links) as IncidentLink[],
      roles: roles.map(r => ({
        role: r.role,
        user: r.user_ref,
        assumedAt: toIso(r.assumed_at)!,
        ...(r.handed_over_at ? { handedOverAt: toIso(r.handed_over_at) } : {}),
        assignedBy: r.assigned_by,
      })),
      alerts: alerts.map(
        (a): IncidentAlert => ({
          fingerprint: a.fingerprint,
          alertName: a.alert_name,
          status: a.status,
          labels: JSON.parse(a.labels),
          annotations: JSON.parse(a.annotations),
          startsAt: toIso(a.starts_at)!,
          ...(a.ends_at ? { endsAt: toIso(a.ends_at) } : {}),
          ...(a.generator_url ? { generatorURL: a.generator_url } : {}),
          ...(a.verdict
            ? {
                verdict: a.verdict as AlertVerdict,
                verdictBy: a.verdict_by,
                verdictAt: toIso(a.verdict_at)!,
              }
            : {}),
        }),
      ),
      runbooks: runbooks.map(r => ({
        namespace: r.namespace,
        name: r.name,
        ...(r.title ? { title: r.title } : {}),
        attachedBy: r.attached_by,
        attachedAt: toIso(r.attached_at)!,
      })),
      checklist: ticks.map(t => ({
        runbook: t.runbook,
        step: t.step,
        done: Boolean(t.done),
        outcome: (t.outcome ?? 'done') as StepOutcome,
        ...(t.note ? { note: t.note } : {}),
        by: t.by,
        at: toIso(t.at)!,
      })),
      statusUpdates: updates.map(u => ({
        id: u.id,
        conditions: u.conditions,
        actions: u.actions,
        ...(u.needs ? { needs: u.needs } : {}),
        by: u.by,
        at: toIso(u.at)!,
      })),
      timeline: events.map(
        (e): IncidentEvent => ({
          id: e.id,
          at: toIso(e.at)!,
          type: e.type,
          actor: e.actor,
          source: e.source,
          summary: e.summary,
          ...(e.data ? { data: JSON.parse(e.data) } : {}),
          pinned: Boolean(e.pinned),
        }),
      ),
      linkedOwners: JSON.parse(row.linked_owners),
    };
  }

  async get(idOrReference: string): Promise<IncidentResource | undefined> {
    const row = await this.row(this.db, idOrReference);
    return row ? this.full(this.db, row) : undefined;
  }

  /**
   * What tells whether an incident changed, without reading it: its
   * version, the time of its last change and its latest timeline event
   * (every change is one of those), with the entities it names (for who may
   * read it). The incident page asks for this every few seconds, and for the
   * whole incident only when it differs.
   */
  async changeMark(
    idOrReference: string,
  ): Promise<{ mark: string; entityRefs: string[] } | undefined> {
    const row = await this.row(this.db, idOrReference);
    if (!row) return undefined;
    const [{ last }] = await this.db(T.events)
      .where({ incident_id: row.id })
      .max({ last: 'id' });
    const entityRefs = (
      await this.db(T.entities)
        .where({ incident_id: row.id })
        .select('entity_ref')
    ).map(r => r.entity_ref as string);
    const changed = Date.parse(toIso(row.updated_at)!);
    return {
      mark: `${row.id}.${row.version}.${changed}.${last ?? 0}`,
      entityRefs,
    };
  }

  async getMany(ids: string[]): Promise<Array<IncidentResource | undefined>> {
    return Promise.all(ids.map(id => this.get(id)));
  }

  /** A page of the incidents matching `filter`: open first, then mitigated, then resolved; newest first within each. */
  async list(
    filter: IncidentListFilter & PageRequest = {},
  ): Promise<IncidentSummary[]> {
    const query = this.matching(filter)
      .orderByRaw(
        "CASE status WHEN 'open' THEN 0 WHEN 'mitigated' THEN 1 ELSE 2 END",
      )
      .orderBy([
        { column: 'started_at', order: 'desc' },
        // Numbers are unique: pages neither repeat nor skip an incident.
        { column: 'number', order: 'desc' },
      ])
      .limit(filter.limit ?? MAX_PAGE_SIZE)
      .offset(filter.offset ?? 0);
    return this.summaries(this.db, await query);
  }

  /** How many incidents match `filter` (its page ignored). */
  async count(filter: IncidentListFilter = {}): Promise<number> {
    const [{ count }] = await this.matching(filter).count({ count: '*' });
    return Number(count);
  }

  /** Every entity some incident names. */
  async entityRefsInUse(): Promise<string[]> {
    const rows = await this.db(T.entities).distinct('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  private matching(filter: IncidentListFilter) {
    const query = this.db<IncidentRow>(T.incidents);
    if (filter.hiddenEntityRefs?.length) {
      query.whereNotIn(
        'id',
        this.db(T.entities)
          .whereIn('entity_ref', filter.hiddenEntityRefs)
          .select('incident_id'),
      );
    }
    if (filter.entityRef) {
      query.whereIn(
        'id',
        this.db(T.entities)
          .where('entity_ref', filter.entityRef)
          .select('incident_id'),
      );
    }
    if (filter.alertName) {
      query.whereIn(
        'id',
        this.db(T.alerts)
          .where('alert_name', filter.alertName)
          .select('incident_id'),
      );
    }
    if (filter.status) query.where('status', filter.status);
    if (filter.severity) query.where('severity', filter.severity);
    if (filter.from) query.where('started_at', '>=', new Date(filter.from));
    if (filter.to) query.where('started_at', '<=', new Date(filter.to));
    if (filter.owner) {
      // linked_owners is a JSON array of refs: the ref with its quotes, its
      // `%` and `_` matched as themselves.
      query.whereRaw(`linked_owners like ? escape '\\'`, [
        `%${JSON.stringify(filter.owner).replace(/[\\%_]/g, c => `\\${c}`)}%`,
      ]);
    }
    return query;
  }

  /** How the open incidents hold these alerts now: fingerprint → status. */
  async openAlertStatuses(
    fingerprints: string[],
  ): Promise<Map<string, string>> {
    if (fingerprints.length === 0) return new Map();
    const rows = await this.db(T.alerts)
      .join(T.incidents, `${T.incidents}.id`, `${T.alerts}.incident_id`)
      .whereIn(`${T.alerts}.fingerprint`, fingerprints)
      .whereNot(`${T.incidents}.status`, 'resolved')
      .select(`${T.alerts}.fingerprint`, `${T.alerts}.status`);
    return new Map(rows.map(r => [r.fingerprint, r.status]));
  }

  // The newest open incident holding each fingerprint, asked in slices.
  private async openIncidentsOfFingerprints(
    db: Db,
    fingerprints: string[],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    await inSlices([...new Set(fingerprints)], async slice => {
      const rows = await db(T.alerts)
        .join(T.incidents, `${T.incidents}.id`, `${T.alerts}.incident_id`)
        .whereIn(`${T.alerts}.fingerprint`, slice)
        .whereNot(`${T.incidents}.status`, 'resolved')
        .orderBy(`${T.incidents}.started_at`, 'desc')
        .select(`${T.alerts}.fingerprint`, `${T.incidents}.id`);
      for (const row of rows) {
        if (!found.has(row.fingerprint)) found.set(row.fingerprint, row.id);
      }
    });
    return found;
  }

  // ---- writes: building blocks, inside a transaction -----------------------

  private async event(
    tx: Db,
    incidentId: string,
    actor: IncidentActor,
    event: TimelineEntry,
  ): Promise<void> {
    await tx(T.events).insert({
      incident_id: incidentId,
      at: actor.at,
      type: event.type,
      actor: actor.ref,
      source: actor.source,
      summary: event.summary,
      data: event.data ? JSON.stringify(event.data) : null,
      pinned: event.pinned ?? false,
    });
  }

  /**
   * Marks a change: the time, and — the first time a person acts on an
   * incident an alert opened, while it still burns — that it was
   * acknowledged (the rule is `actsAsPerson`).
   */
  private async touch(tx: Db, incidentId: string, actor: IncidentActor) {
    await tx(T.incidents)
      .where({ id: incidentId })
      .update({ updated_at: actor.at });
    if (actsAsPerson(actor.source)) {
      await tx(T.incidents)
        .where({ id: incidentId })
        .whereNull('acknowledged_at')
        .whereNull('mitigated_at')
        .whereNull('resolved_at')
        .update({ acknowledged_at: actor.at });
    }
  }

  /** Creates the incident row, its entities and its commander. */
  private async insert(
    tx: Db,
    input: Omit<NewIncident, 'runbooks' | 'commander'> & {
      id?: string;
      detectedAt?: Date;
      groupKey?: string;
      /** None when an alert opens it: nobody leads it yet. */
      commander?: string;
    },
    actor: IncidentActor,
  ): Promise<{ id: string; number: number }> {
    const id = input.id ?? randomUUID();
    // The next number is unique: a concurrent declaration (another request,
    // another instance) that took it makes this insert fail; it is retried
    // in a savepoint, so the rest of the transaction stays usable. Each
    // failure means another insert succeeded, so the attempts are bounded
    // by the declarations at the same moment; a short random pause lets them
    // spread out.
    let number = 0;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        await new Promise(r => setTimeout(r, Math.random() * 5 * attempt));
      }
      try {
        number = await (tx as Knex.Transaction).transaction(async sp => {
          const { max } = (await sp(T.incidents)
            .max({ max: 'number' })
            .first()) as { max: number | null };
          const next = Number(max ?? 0) + 1;
          await sp(T.incidents).insert({
            id,
            number: next,
            title: input.title,
            summary: input.summary ?? null,
            status: 'open',
            severity: input.severity,
            entity_refs: JSON.stringify([...new Set(input.entityRefs)]),
            links: JSON.stringify(input.links),
            linked_owners: JSON.stringify(input.linkedOwners),
            group_key: input.groupKey ?? null,
            started_at: input.startedAt,
            detected_at: input.detectedAt ?? actor.at,
            acknowledged_at: actsAsPerson(actor.source) ? actor.at : null,
            created_at: actor.at,
            created_by: actor.ref,
            updated_at: actor.at,
            version: 1,
          });
          return next;
        });
        break;
      } catch (error) {
        // Only the number taken meanwhile is worth another try.
        if (
          attempt >= 99 ||
          !/number_unique|UNIQUE.*\.number/i.test(String(error))
        )
          throw error;
      }
    }
    await this.setEntities(tx, id, input.entityRefs);
    if (input.commander) {
      await this.insertRole(tx, id, this.lead.id, input.commander, actor);
    }
    return { id, number };
  }

  private async setEntities(tx: Db, incidentId: string, entityRefs: string[]) {
    await tx(T.entities).where({ incident_id: incidentId }).delete();
    await this.addEntities(tx, incidentId, entityRefs);
  }

  // In slices: SQLite refuses a statement of more than 500 rows.
  private async addEntities(tx: Db, incidentId: string, entityRefs: string[]) {
    const rows = [...new Set(entityRefs)].map(entity_ref => ({
      incident_id: incidentId,
      entity_ref,
    }));
    await inSlices(rows, slice => tx(T.entities).insert(slice));
  }

  private async insertRole(
    tx: Db,
    incidentId: string,
    role: string,
    user: string,
    actor: IncidentActor,
  ) {
    await tx(T.roles)
      .where({ incident_id: incidentId, role })
      .whereNull('handed_over_at')
      .update({ handed_over_at: actor.at });
    await tx(T.roles).insert({
      incident_id: incidentId,
      role,
      user_ref: user,
      assumed_at: actor.at,
      assigned_by: actor.ref,
    });
  }

  /** Attaches runbooks not attached yet; returns those that were new. */
  private async attachRunbooks(
    tx: Db,
    incidentId: string,
    runbooks: IncidentRunbookRef[],
    actor: IncidentActor & { attachedBy?: string },
  ) {
    const attached: typeof runbooks = [];
    for (const r of runbooks) {
      const inserted = await tx(T.runbooks)
        .insert({
          incident_id: incidentId,
          namespace: r.namespace,
          name: r.name,
          title: r.title ?? null,
          attached_by: actor.attachedBy ?? actor.ref,
          attached_at: actor.at,
        })
        .onConflict(['incident_id', 'namespace', 'name'])
        .ignore()
        .returning('name');
      if (inserted.length) attached.push(r);
    }
    return attached;
  }

  /**
   * Attaches runbooks, each newly attached one an event on the timeline
   * (`because` says why, e.g. "it answers PostgresDown").
   */
  private async attachRunbooksWithEvents(
    tx: Db,
    incidentId: string,
    runbooks: IncidentRunbookRef[],
    actor: IncidentActor & { attachedBy?: string },
    because?: string,
  ) {
    for (const r of await this.attachRunbooks(
      tx,
      incidentId,
      runbooks,
      actor,
    )) {
      await this.event(
        tx,
        incidentId,
        actor,
        incidentTimeline.runbookAttached(r, because),
      );
    }
  }

  /** A status update and its event on the timeline. */
  private async insertStatusUpdate(
    tx: Db,
    incidentId: string,
    update: { conditions: string; actions: string; needs?: string },
    actor: IncidentActor,
  ) {
    await tx(T.updates).insert({
      incident_id: incidentId,
      conditions: update.conditions,
      actions: update.actions,
      needs: update.needs ?? null,
      by: actor.ref,
      at: actor.at,
    });
    await this.event(
      tx,
      incidentId,
      actor,
      incidentTimeline.statusUpdate(update),
    );
  }

  /**
   * Moves an incident to a status (the rule is `transitionStatus`); returns
   * the status it had. A change of the record: its version is raised, unless
   * the caller's change of which it is part raised it already.
   */
  private async setStatus(
    tx: Db,
    incidentId: string,
    status: IncidentStatus,
    actor: IncidentActor,
    reason?: string,
    options: { versionRaised?: boolean } = {},
  ): Promise<IncidentStatus | undefined> {
    const row = await this.locked(tx, incidentId);
    if (!row) return undefined;
    const at = actor.at.toISOString();
    const move = transitionStatus(
      { status: row.status, mitigatedAt: toIso(row.mitigated_at) },
      status,
      at,
      reason,
    );
    if (!move) return undefined;
    const changes: Record<string, unknown> = {
      status,
      mitigated_at: move.mitigatedAt ? new Date(move.mitigatedAt) : null,
      resolved_at: move.resolvedAt ? new Date(move.resolvedAt) : null,
      ...(options.versionRaised ? {} : { version: tx.raw('version + 1') }),
    };
    if (move.reopened) {
      // The status-update cadence starts again from now.
      changes.last_status_update_at = actor.at;
      changes.reminded_at = null;
      if (row.group_key) {
        await tx(T.groups)
          .insert({
            group_hash: groupHash(row.group_key),
            incident_id: incidentId,
          })
          .onConflict('group_hash')
          .ignore();
      }
    }
    if (move.releasesAlertGroup) {
      await tx(T.groups).where({ incident_id: incidentId }).delete();
    }
    await tx(T.incidents).where({ id: incidentId }).update(changes);
    await this.event(tx, incidentId, actor, move.event);
    return row.status;
  }

  // ---- writes: one transaction each ---------------------------------------

  /** The incident, or a 404 naming it. */
  private async require(db: Db, idOrReference: string): Promise<IncidentRow> {
    const row = await this.row(db, idOrReference);
    if (!row) throw new NotFoundError(`No incident ${idOrReference}`);
    return row;
  }

  async declare(
    input: NewIncident,
    actor: IncidentActor,
  ): Promise<{ id: string }> {
    return this.db.transaction(async tx => {
      const { runbooks, commander, ...fields } = input;
      const created = await this.insert(
        tx,
        { ...fields, detectedAt: input.startedAt, commander },
        actor,
      );
      await this.event(
        tx,
        created.id,
        actor,
        incidentTimeline.declared(
          reference(created.number),
          input.severity,
          input.title,
        ),
      );
      await this.event(
        tx,
        created.id,
        actor,
        incidentTimeline.role(this.lead, commander),
      );
      await this.attachRunbooksWithEvents(tx, created.id, runbooks, actor);
      return { id: created.id };
    });
  }

  async recordAlerts(
    delivery: AlertDelivery,
    actor: IncidentActor,
  ): Promise<AlertIntakeResult> {
    const result: AlertIntakeResult = { opened: [], updated: [], unchanged: 0 };
    const at = actor.at;
    await this.db.transaction(async tx => {
      const touched = new Set<string>();
      let groupIncident: string | undefined;

      // The open incident of the group, opened by `alert` when there is none.
      const incidentOfGroup = async (alert: AlertmanagerAlert) => {
        if (groupIncident) return groupIncident;
        const hash = groupHash(delivery.groupKey);
        const id = randomUUID();
        // The upsert takes the group's row (and its lock) whether it is new
        // or not: a concurrent delivery waits here, then joins the incident.
        const [winner] = await tx(T.groups)
          .insert({ group_hash: hash, incident_id: id })
          .onConflict('group_hash')
          .merge({ incident_id: tx.raw('??', [`${T.groups}.incident_id`]) })
          .returning('incident_id');
        const winnerId =
          typeof winner === 'object' ? winner.incident_id : winner;
        if (winnerId !== id) {
          groupIncident = winnerId as string;
          return groupIncident;
        }
        const match =
          delivery.matches.get(alert.fingerprint) ??
          (await delivery.match(alert));
        const startsAt = new Date(alert.startsAt);
        const title =
          alert.annotations.summary ??
          delivery.commonSummary ??
          alert.labels.alertname;
        const { number } = await this.insert(
          tx,
          {
            id,
            title: title.slice(0, 300),
            severity: match.severity,
            summary: alert.annotations.description,
            entityRefs: match.entityRefs,
            links: [],
            linkedOwners: match.linkedOwners,
            startedAt: startsAt < at ? startsAt : at,
            detectedAt: startsAt < at ? startsAt : at,
            groupKey: delivery.groupKey,
          },
          actor,
        );
        await this.event(
          tx,
          id,
          actor,
          incidentTimeline.openedByAlert(
            reference(number),
            alert.labels.alertname,
            match.severity,
            match.because,
            { groupKey: delivery.groupKey, receiver: delivery.receiver },
          ),
        );
        result.opened.push(id);
        groupIncident = id;
        return id;
      };

      const fired = new Set<string>();
      // One query for every alert's open incident, one lock per incident.
      const holding = await this.openIncidentsOfFingerprints(
        tx,
        delivery.alerts.map(a => a.fingerprint),
      );
      const locked = new Set<string>();
      for (const alert of delivery.alerts) {
        let incidentId = holding.get(alert.fingerprint);
        if (!incidentId) {
          if (alert.status !== 'firing') {
            result.unchanged++;
            continue;
          }
          incidentId = await incidentOfGroup(alert);
        }
        // Under the incident's lock, from here to the end of the transaction.
        if (!locked.has(incidentId)) {
          await this.require(tx, incidentId);
          locked.add(incidentId);
        }
        const changed = await this.recordAlert(
          tx,
          incidentId,
          alert,
          actor,
          delivery.matches.get(alert.fingerprint),
        );
        if (changed) {
          touched.add(incidentId);
          if (alert.status === 'firing') fired.add(incidentId);
        } else result.unchanged++;
      }

      for (const id of [...touched].sort()) {
        const row = await tx<IncidentRow>(T.incidents).where({ id }).first();
        const firing = await tx(T.alerts)
          .where({ incident_id: id, status: 'firing' })
          .count({ n: '*' })
          .first();
        const move = statusFromAlerts(row!.status, {
          anyFiring: Number(firing?.n ?? 0) > 0,
          firedNow: fired.has(id),
        });
        if (move) await this.setStatus(tx, id, move.to, actor, move.reason);
        await this.touch(tx, id, actor);
        if (!result.opened.includes(id)) result.updated.push(id);
      }
    });
    return result;
  }

  /** Stores one alert on an incident; returns whether anything changed. */
  private async recordAlert(
    tx: Knex.Transaction,
    incidentId: string,
    alert: AlertmanagerAlert,
    actor: IncidentActor,
    match: AlertMatch | undefined,
  ): Promise<boolean> {
    const alertName = alert.labels.alertname;
    const endsAt =
      alert.endsAt &&
      !NOT_ENDED.test(alert.endsAt) &&
      !Number.isNaN(Date.parse(alert.endsAt))
        ? new Date(alert.endsAt)
        : null;
    const row = alertRow(incidentId, alert, endsAt, actor.at);
    const inserted = await tx(T.alerts)
      .insert(row)
      .onConflict(['incident_id', 'fingerprint'])
      .ignore()
      .returning('fingerprint');
    if (inserted.length === 0) {
      const current = await tx(T.alerts)
        .where({ incident_id: incidentId, fingerprint: alert.fingerprint })
        .first();
      if (current.status === alert.status) return false;
      await tx(T.alerts)
        .where({ incident_id: incidentId, fingerprint: alert.fingerprint })
        .update({
          status: row.status,
          ends_at: row.ends_at,
          updated_at: actor.at,
        });
    }
    await this.event(tx, incidentId, actor, incidentTimeline.alert(alert));
    if (alert.status !== 'firing') return true;

    // A firing alert brings its runbooks, its entities, and its severity
    // when that is more severe.
    if (!match) return true;
    await this.attachRunbooksWithEvents(
      tx,
      incidentId,
      match.runbooks,
      { ...actor, attachedBy: 'alert' },
      `it answers ${alertName}`,
    );
    const incident = (await tx<IncidentRow>(T.incidents)
      .where({ id: incidentId })
      .first())!;
    const entities: string[] = JSON.parse(incident.entity_refs);
    const more = match.entityRefs.filter(e => !entities.includes(e));
    const changes: Record<string, unknown> = {};
    if (more.length) {
      const all = [...entities, ...more];
      // Only the new ones: a notification of a thousand alerts adds each
      // entity once instead of writing the whole list again per alert.
      await this.addEntities(tx, incidentId, more);
      changes.entity_refs = JSON.stringify(all);
      changes.linked_owners = JSON.stringify([
        ...new Set([
          ...JSON.parse(incident.linked_owners),
          ...match.linkedOwners,
        ]),
      ]);
    }
    const rank = (id: string) => severityRank(this.severities, id);
    if (rank(match.severity) < rank(incident.severity)) {
      changes.severity = match.severity;
      await this.event(
        tx,
        incidentId,
        actor,
        incidentTimeline.severityRaisedByAlert(
          incident.severity,
          match.severity,
          alertName,
        ),
      );
    }
    if (Object.keys(changes).length) {
      await tx(T.incidents)
        .where({ id: incidentId })
        .update({ ...changes, version: tx.raw('version + 1') });
    }
    return true;
  }

  /**
   * Changes fields if, and only if, the incident is still at `version`;
   * each change is an event on the timeline.
   */
  async applyChange(
    idOrReference: string,
    version: number,
    patch: IncidentChange,
    actor: IncidentActor,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      if (row.version !== version) {
        throw new ConflictError(
          `${reference(row.number)} is at version ${
            row.version
          }, not ${version}: someone else changed it. Reload and apply your change again.`,
        );
      }
      const id = row.id;
      const outcome = applyIncidentPatch(
        {
          status: row.status,
          severity: row.severity,
          title: row.title,
          summary: row.summary,
          entityRefs: JSON.parse(row.entity_refs),
          links: JSON.parse(row.links ?? '[]'),
          mitigatedAt: toIso(row.mitigated_at),
        },
        patch,
        actor.at.toISOString(),
      );
      const { fields } = outcome;
      const changes: Record<string, unknown> = {
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
        ...(fields.severity !== undefined ? { severity: fields.severity } : {}),
        ...(fields.links ? { links: JSON.stringify(fields.links) } : {}),
      };
      if (fields.entityRefs) {
        changes.entity_refs = JSON.stringify(fields.entityRefs);
        changes.linked_owners = JSON.stringify(patch.linkedOwners ?? []);
        await this.setEntities(tx, id, fields.entityRefs);
      }
      for (const event of outcome.events) {
        await this.event(tx, id, actor, event);
      }
      if (patch.runbooks) {
        await this.attachRunbooksWithEvents(tx, id, patch.runbooks, actor);
      }
      // Conditional on the version read (under the row's lock): a change
      // that raced past it is refused, never lost. One change, one version,
      // its status change included.
      const written = await tx(T.incidents)
        .where({ id, version: row.version })
        .update({ ...changes, version: row.version + 1 });
      if (written === 0) {
        throw new ConflictError(
          `${reference(
            row.number,
          )} changed meanwhile: reload and apply your change again.`,
        );
      }
      // Touched first: a person resolving an incident that still burns
      // acknowledged it then; one that mitigated by itself, never.
      await this.touch(tx, id, actor);
      if (outcome.status) {
        await this.setStatus(tx, id, outcome.status.to, actor, patch.reason, {
          versionRaised: true,
        });
      }
    });
  }

  async assignRole(
    idOrReference: string,
    role: { id: string; title: string },
    user: string,
    actor: IncidentActor,
  ) {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      const current = await tx(T.roles)
        .where({ incident_id: row.id, role: role.id })
        .whereNull('handed_over_at')
        .first();
      if (current?.user_ref === user) return;
      await this.insertRole(tx, row.id, role.id, user, actor);
      await this.event(
        tx,
        row.id,
        actor,
        incidentTimeline.role(role, user, current?.user_ref),
      );
      await this.touch(tx, row.id, actor);
    });
  }

  async addNote(
    idOrReference: string,
    note: { text: string; pinned: boolean },
    actor: IncidentActor,
  ) {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      // Under the row's lock: two notes at once cannot pass the bound.
      await this.locked(tx, row.id);
      const [{ n }] = await tx(T.events)
        .where({ incident_id: row.id, type: 'note' })
        .count({ n: '*' });
      if (Number(n) >= this.maxNotes) {
        throw new ConflictError(
          `${reference(row.number)} holds ${
            this.maxNotes
          } notes, the most an incident may hold: post a status update, or go on in its postmortem`,
        );
      }
      await this.event(
        tx,
        row.id,
        actor,
        incidentTimeline.note(note.text, note.pinned),
      );
      await this.touch(tx, row.id, actor);
    });
  }

  async addStatusUpdate(
    idOrReference: string,
    update: { conditions: string; actions: string; needs?: string },
    actor: IncidentActor,
  ) {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      await this.insertStatusUpdate(tx, row.id, update, actor);
      await tx(T.incidents)
        .where({ id: row.id })
        .update({ last_status_update_at: actor.at, reminded_at: null });
      await this.touch(tx, row.id, actor);
    });
  }

  async tick(
    idOrReference: string,
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
      label?: string;
    },
    actor: IncidentActor,
  ) {
    const outcome = tick.done ? tick.outcome ?? 'done' : null;
    const note = tick.done && tick.note ? tick.note : null;
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      const [namespace, name] = tick.runbook.split('/');
      const attached = await tx(T.runbooks)
        .where({ incident_id: row.id, namespace, name })
        .first();
      if (!attached) {
        throw new InputError(
          `runbook ${tick.runbook} is not attached to ${reference(row.number)}`,
        );
      }
      const current = await tx(T.ticks)
        .where({ incident_id: row.id, runbook: tick.runbook, step: tick.step })
        .first();
      if (
        current &&
        Boolean(current.done) === tick.done &&
        (!tick.done ||
          ((current.outcome ?? 'done') === outcome &&
            (current.note ?? null) === note))
      ) {
        return;
      }
      await tx(T.ticks)
        .insert({
          incident_id: row.id,
          runbook: tick.runbook,
          step: tick.step,
          done: tick.done,
          outcome,
          note,
          by: actor.ref,
          at: actor.at,
        })
        .onConflict(['incident_id', 'runbook', 'step'])
        .merge(['done', 'outcome', 'note', 'by', 'at']);
      await this.event(
        tx,
        row.id,
        actor,
        incidentTimeline.tick(tick, attached.title ?? undefined),
      );
      await this.touch(tx, row.id, actor);
    });
  }

  async runbookStatistics(
    runbook: string,
    entityRefs: string[],
  ): Promise<Omit<RunbookStatistics, 'patterns'>> {
    const [namespace, name] = runbook.split('/');
    const minutes = (from: Stamp, to: Stamp) =>
      Math.max(0, (Date.parse(toIso(to!)) - Date.parse(toIso(from!))) / 60_000);
    const figures = (rows: IncidentRow[]): MitigationFigures => {
      const ended = rows.filter(r => r.mitigated_at ?? r.resolved_at);
      const mid = median(
        ended.map(r => minutes(r.started_at, r.mitigated_at ?? r.resolved_at)),
      );
      return {
        incidents: rows.length,
        mitigated: ended.length,
        ...(mid !== undefined ? { medianMinutes: mid } : {}),
      };
    };
    const attached = this.db(T.runbooks)
      .where({ namespace, name })
      .select('incident_id');
    const [withIt, withoutIt, ticks] = await Promise.all([
      this.db<IncidentRow>(T.incidents).whereIn('id', attached),
      entityRefs.length
        ? this.db<IncidentRow>(T.incidents)
            .whereIn(
              'id',
              this.db(T.entities)
                .whereIn('entity_ref', entityRefs)
                .select('incident_id'),
            )
            .whereNotIn('id', attached)
        : Promise.resolve([] as IncidentRow[]),
      this.db(T.ticks)
        .join(T.incidents, `${T.incidents}.id`, `${T.ticks}.incident_id`)
        .where(`${T.ticks}.runbook`, runbook)
        .where(`${T.ticks}.done`, true)
        .select(
          `${T.ticks}.step`,
          `${T.ticks}.outcome`,
          `${T.ticks}.note`,
          `${T.ticks}.at`,
          `${T.ticks}.incident_id`,
          `${T.incidents}.number`,
          `${T.incidents}.started_at`,
        )
        .orderBy([
          { column: `${T.ticks}.at`, order: 'desc' },
          { column: `${T.ticks}.incident_id`, order: 'desc' },
        ]),
    ]);
    const steps = new Map<
      string,
      RunbookStepStatistics & { since: number[] }
    >();
    for (const t of ticks) {
      const outcome = (t.outcome ?? 'done') as StepOutcome;
      const step: RunbookStepStatistics & { since: number[] } = steps.get(
        t.step,
      ) ?? {
        step: t.step,
        counts: { done: 0, skipped: 0, failed: 0, unhelpful: 0 },
        recent: [],
        since: [],
      };
      step.counts[outcome]++;
      if (outcome !== 'skipped') step.since.push(minutes(t.started_at, t.at));
      if (step.recent.length < STEP_PATTERN_WINDOW) {
        step.recent.push({
          incidentId: t.incident_id,
          reference: reference(t.number),
          outcome,
          ...(t.note ? { note: t.note } : {}),
          at: toIso(t.at)!,
        });
      }
      steps.set(t.step, step);
    }
    return {
      runbook,
      incidents: withIt.length,
      steps: [...steps.values()]
        .map(({ since, ...step }) => {
          const mid = median(since);
          return {
            ...step,
            ...(mid !== undefined ? { medianMinutesFromStart: mid } : {}),
          };
        })
        .sort(
          (a, b) =>
            stepOrder(a.step) - stepOrder(b.step) ||
            a.step.localeCompare(b.step),
        ),
      mitigation: { with: figures(withIt), without: figures(withoutIt) },
    };
  }

  async claimStepPattern(pattern: StepPattern, runbook: string, at: Date) {
    return this.claim(T.patterns, {
      runbook,
      step: pattern.step,
      outcome: pattern.outcome,
      told_at: at,
      incidents: JSON.stringify(pattern.incidents),
    });
  }

  async alertEntityRefs(since: Date): Promise<string[]> {
    const rows = await this.db(T.entities)
      .whereIn(
        'incident_id',
        this.db(T.alerts).where('starts_at', '>=', since).select('incident_id'),
      )
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(r => r.entity_ref as string);
  }

  async claimAlertDigest(week: string, owner: string, at: Date) {
    return this.claim(T.digests, { week, owner, sent_at: at });
  }

  // Inserts the row; false when its key is there: done before, by this
  // instance or another.
  private async claim(table: string, row: Record<string, unknown>) {
    try {
      await this.db(table).insert(row);
      return true;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT')) {
        return false;
      }
      throw error;
    }
  }

  async judgeAlert(
    idOrReference: string,
    fingerprint: string,
    verdict: AlertVerdict | null,
    actor: IncidentActor,
  ) {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      const alert = await tx(T.alerts)
        .where({ incident_id: row.id, fingerprint })
        .first();
      if (!alert) {
        throw new NotFoundError(
          `${reference(row.number)} holds no alert ${fingerprint}`,
        );
      }
      if ((alert.verdict ?? null) === verdict) return;
      await tx(T.alerts)
        .where({ incident_id: row.id, fingerprint })
        .update({
          verdict,
          verdict_by: verdict ? actor.ref : null,
          verdict_at: verdict ? actor.at : null,
        });
      await this.event(
        tx,
        row.id,
        actor,
        incidentTimeline.alertVerdict(
          { fingerprint, alertName: alert.alert_name },
          verdict,
        ),
      );
      await this.touch(tx, row.id, actor);
    });
  }

  async alertRuleFigures(
    filter: { entityRef?: string; entityRefs?: string[]; since?: Date } = {},
  ) {
    const query = this.db(T.alerts)
      .join(T.incidents, `${T.incidents}.id`, `${T.alerts}.incident_id`)
      .select(
        `${T.alerts}.alert_name`,
        `${T.alerts}.verdict`,
        `${T.alerts}.starts_at`,
        `${T.incidents}.acknowledged_at`,
      );
    const refs = [
      ...(filter.entityRef ? [filter.entityRef] : []),
      ...(filter.entityRefs ?? []),
    ];
    if (filter.entityRef || filter.entityRefs) {
      query.whereIn(
        `${T.alerts}.incident_id`,
        this.db(T.entities).whereIn('entity_ref', refs).select('incident_id'),
      );
    }
    if (filter.since) query.where(`${T.alerts}.starts_at`, '>=', filter.since);
    const byName = new Map<
      string,
      Omit<AlertRuleFigures, 'medianMinutesToAcknowledge'> & { ack: number[] }
    >();
    for (const r of await query) {
      const f = byName.get(r.alert_name) ?? {
        alertName: r.alert_name,
        fired: 0,
        actionable: 0,
        noise: 0,
        duplicate: 0,
        ack: [] as number[],
      };
      f.fired++;
      if (r.verdict === 'actionable') f.actionable++;
      if (r.verdict === 'noise') f.noise++;
      if (r.verdict === 'duplicate') f.duplicate++;
      if (r.acknowledged_at) {
        const minutes =
          (Date.parse(toIso(r.acknowledged_at)) -
            Date.parse(toIso(r.starts_at))) /
          60_000;
        if (minutes >= 0) f.ack.push(minutes);
      }
      byName.set(r.alert_name, f);
    }
    return [...byName.values()]
      .map(({ ack, ...f }): AlertRuleFigures => {
        const mid = median(ack);
        return mid === undefined
          ? f
          : { ...f, medianMinutesToAcknowledge: mid };
      })
      .sort(
        (a, b) => b.fired - a.fired || a.alertName.localeCompare(b.alertName),
      );
  }

  async pin(
    idOrReference: string,
    eventId: number,
    pinned: boolean,
    at: Date = new Date(),
  ) {
    await this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      const updated = await tx(T.events)
        .where({ incident_id: row.id, id: eventId })
        .update({ pinned });
      if (!updated) {
        throw new NotFoundError(
          `${reference(row.number)} has no timeline event ${eventId}`,
        );
      }
      // A change of the record, for those watching it (`changeMark`).
      await tx(T.incidents).where({ id: row.id }).update({ updated_at: at });
    });
  }

  /**
   * Links the postmortem, unless the incident has one already (a second
   * click, another person): then returns that one and links nothing.
   */
  async linkPostmortem(
    idOrReference: string,
    postmortemId: string,
    actor: IncidentActor,
  ): Promise<string> {
    return this.db.transaction(async tx => {
      const row = await this.require(tx, idOrReference);
      if (row.postmortem_id) return row.postmortem_id;
      await tx(T.incidents)
        .where({ id: row.id })
        .whereNull('postmortem_id')
        .update({ postmortem_id: postmortemId });
      await this.event(
        tx,
        row.id,
        actor,
        incidentTimeline.postmortemStarted(postmortemId),
      );
      await this.touch(tx, row.id, actor);
      return postmortemId;
    });
  }

  /**
   * The postmortem was deleted: the incidents linked to it are no longer
   * (a new one can be started, and the postmortem-due reminder counts again).
   */
  async unlinkPostmortem(postmortemId: string, actor: IncidentActor) {
    await this.db.transaction(async tx => {
      const rows: Array<{ id: string }> = await tx(T.incidents)
        .where({ postmortem_id: postmortemId })
        .select('id');
      for (const { id } of rows) {
        await tx(T.incidents)
          .where({ id })
          .update({ postmortem_id: null, postmortem_reminded_at: null });
        await this.event(
          tx,
          id,
          actor,
          incidentTimeline.postmortemDeleted(postmortemId),
        );
        await this.touch(tx, id, actor);
      }
    });
  }

  /** The incident imported under `externalId`, if any. */
  async byExternalId(externalId: string): Promise<string | undefined> {
    const row = await this.db(T.incidents)
      .where({ external_id: externalId })
      .first('id');
    return row?.id;
  }

  /**
   * An incident from another tool with its history, in one transaction;
   * one already imported under `externalId` is left as it is.
   */
  async importIncident(
    input: IncidentImport & {
      runbookTitles: IncidentRunbookRef[];
      linkedOwners: string[];
    },
    actor: IncidentActor,
  ): Promise<{ id: string; created: boolean }> {
    try {
      return await this.importOnce(input, actor);
    } catch (error) {
      // The same record sent twice at once: the other one was stored first.
      if (!/external_id/i.test(String(error))) throw error;
      const existing = await this.db(T.incidents)
        .where({ external_id: input.externalId })
        .first('id');
      if (!existing) throw error;
      return { id: existing.id as string, created: false };
    }
  }

  private async importOnce(
    input: IncidentImport & {
      runbookTitles: IncidentRunbookRef[];
      linkedOwners: string[];
    },
    actor: IncidentActor,
  ): Promise<{ id: string; created: boolean }> {
    return this.db.transaction(async tx => {
      const existing = await tx(T.incidents)
        .where({ external_id: input.externalId })
        .first('id');
      if (existing) return { id: existing.id as string, created: false };
      const m = input.milestones;
      const at = (iso?: string) => (iso ? new Date(iso) : null);
      const { id } = await this.insert(
        tx,
        {
          title: input.title,
          severity: input.severity,
          summary: input.summary,
          entityRefs: input.entityRefs,
          links: input.links,
          linkedOwners: input.linkedOwners,
          startedAt: new Date(m.started),
          detectedAt: at(m.detected) ?? new Date(m.started),
          groupKey: input.groupKey,
        },
        { ...actor, at: new Date(m.started) },
      );
      const lastUpdate = input.statusUpdates.at(-1)?.at;
      await tx(T.incidents)
        .where({ id })
        .update({
          external_id: input.externalId,
          status: input.status,
          acknowledged_at: at(m.acknowledged),
          mitigated_at: at(m.mitigated),
          resolved_at: at(m.resolved),
          last_status_update_at: at(lastUpdate),
          updated_at: actor.at,
        });
      for (const r of input.roles) {
        await tx(T.roles).insert({
          incident_id: id,
          role: r.role,
          user_ref: r.user,
          assumed_at: new Date(r.assumedAt),
          handed_over_at: at(r.handedOverAt),
          assigned_by: actor.ref,
        });
      }
      await this.attachRunbooks(tx, id, input.runbookTitles, {
        ...actor,
        at: new Date(m.started),
      });
      for (const a of input.alerts) {
        await tx(T.alerts).insert({
          ...alertRow(id, a, at(a.endsAt), actor.at),
          ...(a.verdict
            ? {
                verdict: a.verdict,
                verdict_by: actor.ref,
                verdict_at: at(m.resolved ?? m.started),
              }
            : {}),
        });
      }
      for (const t of input.checklist) {
        await tx(T.ticks)
          .insert({
            incident_id: id,
            runbook: t.runbook,
            step: t.step,
            done: true,
            outcome: t.outcome,
            note: t.note ?? null,
            by: t.by,
            at: new Date(t.at),
          })
          .onConflict(['incident_id', 'runbook', 'step'])
          .merge(['outcome', 'note', 'by', 'at']);
      }
      if (input.groupKey && input.status !== 'resolved') {
        await tx(T.groups)
          .insert({ group_hash: groupHash(input.groupKey), incident_id: id })
          .onConflict('group_hash')
          .ignore();
      }
      for (const { at: when, by, ...update } of input.statusUpdates) {
        await this.insertStatusUpdate(tx, id, update, {
          ref: by,
          source: 'api',
          at: new Date(when),
        });
      }
      for (const e of input.timeline) {
        await this.event(
          tx,
          id,
          { ref: e.actor, source: 'api', at: new Date(e.at) },
          { type: e.type, summary: e.summary, pinned: e.pinned },
        );
      }
      return { id, created: true };
    });
  }

  // ---- reminders ----------------------------------------------------------

  /** Open incidents whose status update is due and not yet reminded of. */
  async statusUpdatesDue(now: Date): Promise<IncidentSummary[]> {
    const rows = await this.db<IncidentRow>(T.incidents).where(
      'status',
      'open',
    );
    const due = rows.filter(r => {
      const at = this.statusUpdateDueAt(r);
      return (
        at &&
        Date.parse(at) <= now.getTime() &&
        (!r.reminded_at || Date.parse(toIso(r.reminded_at)!) < Date.parse(at))
      );
    });
    return this.summaries(this.db, due);
  }

  async markReminded(id: string, at: Date) {
    await this.db(T.incidents).where({ id }).update({ reminded_at: at });
  }

  /**
   * Resolved incidents of the given severities, resolved before `before`,
   * without a postmortem.
   */
  async postmortemsDue(options: {
    severities: string[];
    resolvedBefore?: Date;
  }): Promise<Array<IncidentSummary & { reminded: boolean }>> {
    if (options.severities.length === 0) return [];
    const query = this.db<IncidentRow>(T.incidents)
      .where('status', 'resolved')
      .whereNull('postmortem_id')
      .whereIn('severity', options.severities)
      .orderBy('resolved_at', 'asc');
    if (options.resolvedBefore) {
      query.where('resolved_at', '<=', options.resolvedBefore);
    }
    const rows = await query;
    const summaries = await this.summaries(this.db, rows);
    return summaries.map((s, i) => ({
      ...s,
      reminded: Boolean(rows[i].postmortem_reminded_at),
    }));
  }

  async markPostmortemReminded(id: string, at: Date) {
    await this.db(T.incidents)
      .where({ id })
      .update({ postmortem_reminded_at: at });
  }
}
