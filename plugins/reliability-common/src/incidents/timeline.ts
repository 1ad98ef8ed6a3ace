import type { AlertVerdict, StepOutcome } from './schema';

/** An alert's verdict in words. @public */
export const VERDICT_WORDS: Record<AlertVerdict, string> = {
  actionable: 'actionable',
  noise: 'noise',
  duplicate: 'duplicate',
};
import type { IncidentEventSource, IncidentEventType } from './types';

/** A step's outcome in words, as the timeline and the runbook page say it. @public */
export const OUTCOME_WORDS: Record<StepOutcome, string> = {
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
  unhelpful: 'Did not help',
};

/**
 * What each change of an incident says on its timeline, and the rule of who
 * acknowledges it: written once, here, with no database. The store appends
 * these events in the transaction of the change they tell.
 */

/** A timeline event to append, before it has an id, an actor and a time. @public */
export type TimelineEntry = {
  type: IncidentEventType;
  summary: string;
  data?: Record<string, unknown>;
  pinned?: boolean;
};

/** A runbook as an incident holds it. @public */
export type IncidentRunbookRef = {
  namespace: string;
  name: string;
  title?: string;
};

/** An alert as its timeline events tell it. @public */
export type TimelineAlert = {
  fingerprint: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

/**
 * Whether an action from `source` is a person's: the first one, while an
 * incident an alert opened still burns, acknowledges it. An incident that
 * mitigated by itself before anybody acted was never acknowledged: stamping
 * it later would put the milestone after "mitigated", an order no
 * postmortem can hold.
 *
 * @public
 */
export function actsAsPerson(source: IncidentEventSource): boolean {
  return source === 'portal' || source === 'api' || source === 'mcp';
}

/** The events a change makes, by what changed. @public */
export const incidentTimeline = {
  declared(reference: string, severity: string, title: string): TimelineEntry {
    return {
      type: 'declared',
      summary: `${reference} declared (${severity}): ${title}`,
      data: { severity },
      pinned: true,
    };
  },

  openedByAlert(
    reference: string,
    alertName: string,
    severity: string,
    because: string,
    data: Record<string, unknown>,
  ): TimelineEntry {
    return {
      type: 'declared',
      summary: `${reference} opened by alert ${alertName} (${severity}${
        because ? `: ${because}` : ''
      })`,
      data,
    };
  },

  role(
    role: { id: string; title: string },
    to: string,
    from?: string,
  ): TimelineEntry {
    return {
      type: 'role-changed',
      summary: from
        ? `${role.title}: ${from} handed over to ${to}`
        : `${role.title}: ${to}`,
      data: { role: role.id, to, ...(from ? { from } : {}) },
    };
  },

  runbookAttached(
    runbook: IncidentRunbookRef,
    because?: string,
  ): TimelineEntry {
    return {
      type: 'runbook-attached',
      summary: `Attached runbook ${runbook.title ?? runbook.name}${
        because ? ` (${because})` : ''
      }`,
      data: { runbook: `${runbook.namespace}/${runbook.name}` },
    };
  },

  statusUpdate(update: {
    conditions: string;
    actions: string;
    needs?: string;
  }): TimelineEntry {
    return {
      type: 'status-update',
      summary: `Status update: ${update.conditions}`,
      data: { ...update },
    };
  },

  alertVerdict(
    alert: { fingerprint: string; alertName: string },
    verdict: AlertVerdict | null,
  ): TimelineEntry {
    return {
      type: 'alert-judged',
      summary: verdict
        ? `${alert.alertName}: ${VERDICT_WORDS[verdict]}`
        : `${alert.alertName}: verdict cleared`,
      data: { fingerprint: alert.fingerprint, verdict },
    };
  },

  note(text: string, pinned: boolean): TimelineEntry {
    return { type: 'note', summary: text, pinned };
  },

  tick(
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
      label?: string;
    },
    runbookTitle?: string,
  ): TimelineEntry {
    const outcome = tick.outcome ?? 'done';
    const words = tick.done ? OUTCOME_WORDS[outcome] : 'Not done';
    return {
      type: tick.done ? 'step-ticked' : 'step-unticked',
      summary: `${words}: ${tick.label ?? tick.step} (${
        runbookTitle ?? tick.runbook
      })${tick.done && tick.note ? ` — ${tick.note}` : ''}`,
      data: {
        runbook: tick.runbook,
        step: tick.step,
        ...(tick.done ? { outcome } : {}),
        ...(tick.done && tick.note ? { note: tick.note } : {}),
      },
    };
  },

  alert(alert: TimelineAlert): TimelineEntry {
    const alertName = alert.labels.alertname;
    const firing = alert.status === 'firing';
    return {
      type: firing ? 'alert-fired' : 'alert-resolved',
      summary: `${alertName} ${firing ? 'fired' : 'resolved'}${
        alert.annotations.summary ? `: ${alert.annotations.summary}` : ''
      }`,
      data: {
        fingerprint: alert.fingerprint,
        alertName,
        labels: alert.labels,
      },
    };
  },

  severityRaisedByAlert(
    from: string,
    to: string,
    alertName: string,
  ): TimelineEntry {
    return {
      type: 'severity-changed',
      summary: `Severity ${from} → ${to}: ${alertName} fired`,
      data: { from, to },
    };
  },

  postmortemStarted(postmortemId: string): TimelineEntry {
    return {
      type: 'postmortem-started',
      summary: 'Postmortem started',
      data: { postmortemId },
    };
  },

  postmortemDeleted(postmortemId: string): TimelineEntry {
    return {
      type: 'postmortem-deleted',
      summary: 'Postmortem deleted',
      data: { postmortemId },
    };
  },
};

/**
 * How the alerts of an incident move its status: every alert resolved
 * mitigates an open one (a person resolves it); an alert firing again opens
 * a mitigated one again. Undefined: no change.
 *
 * @public
 */
export function statusFromAlerts(
  status: 'open' | 'mitigated' | 'resolved',
  alerts: { anyFiring: boolean; firedNow: boolean },
): { to: 'open' | 'mitigated'; reason: string } | undefined {
  if (status === 'open' && !alerts.anyFiring) {
    return { to: 'mitigated', reason: 'every alert resolved' };
  }
  if (status === 'mitigated' && alerts.firedNow) {
    return { to: 'open', reason: 'an alert fires again' };
  }
  return undefined;
}
