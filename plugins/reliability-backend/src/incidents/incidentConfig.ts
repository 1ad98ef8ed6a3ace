import type { Config } from '@backstage/config';
import {
  type ClassificationRule,
  DEFAULT_CLASSIFICATION_RULES,
  DEFAULT_INCIDENT_ROLES,
  type IncidentRole,
  type SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';

/** How alerts map onto entities and severities. */
export interface AlertMapping {
  /** Label values that name an entity: `service: insights-api` → component. */
  entityLabels: Array<{ label: string; kind: string; namespace: string }>;
  severityLabel: string;
  /** Label value → severity id: `critical` → P1. */
  severities: Record<string, string>;
  defaultSeverity: string;
}

export interface IncidentConfig {
  roles: IncidentRole[];
  rules: ClassificationRule[];
  alerts: AlertMapping;
  /** Days after resolution a required postmortem is due. */
  postmortemDueDays: number;
  /** The most notes one incident holds (`reliability.incidents.maxNotes`). */
  maxNotes: number;
}

const USERS = ['all', 'many', 'some', 'few', 'none'];
const DATA = ['lost', 'at-risk', 'none'];

/**
 * Reads `reliability.incidents`, with the defaults for what is absent;
 * refuses at start-up, naming the key, roles without exactly one lead and
 * rules or mappings naming severities that are not configured.
 */
export function readIncidentConfig(
  config: Config,
  severities: SeverityLevel[],
): IncidentConfig {
  const c = config.getOptionalConfig('reliability.incidents');
  const ids = severities.map(s => s.id);
  const known = (key: string, id: string) => {
    if (!ids.includes(id)) {
      throw new Error(
        `${key}: severity ${id} is not configured (there are ${ids.join(
          ', ',
        )})`,
      );
    }
    return id;
  };

  const roles =
    c?.getOptionalConfigArray('roles')?.map((r, i) => ({
      id: r.getString('id'),
      title: r.getOptionalString('title') ?? r.getString('id'),
      lead: r.getOptionalBoolean('lead') ?? false,
      ...(r.getOptionalString('description')
        ? { description: r.getString('description') }
        : {}),
      key: `reliability.incidents.roles[${i}]`,
    })) ?? DEFAULT_INCIDENT_ROLES;
  if (roles.filter(r => r.lead).length !== 1) {
    throw new Error(
      'reliability.incidents.roles must have exactly one role with lead: true (the commander)',
    );
  }

  const rules: ClassificationRule[] =
    c?.getOptionalConfigArray('classification')?.map((r, i) => {
      const key = `reliability.incidents.classification[${i}]`;
      const when = r.getOptionalConfig('when');
      const users = when?.getOptionalStringArray('usersAffected');
      const data = when?.getOptionalStringArray('data');
      for (const [field, values, allowed] of [
        ['usersAffected', users, USERS],
        ['data', data, DATA],
      ] as const) {
        const bad = values?.find(v => !allowed.includes(v));
        if (bad) {
          throw new Error(
            `${key}.when.${field}: ${bad} is not one of ${allowed.join(', ')}`,
          );
        }
      }
      const workaround = when?.getOptionalBoolean('workaround');
      return {
        severity: known(`${key}.severity`, r.getString('severity')),
        description: r.getString('description'),
        when: {
          ...(users ? { usersAffected: users as any } : {}),
          ...(data ? { data: data as any } : {}),
          ...(workaround !== undefined ? { workaround } : {}),
        },
      };
    }) ?? DEFAULT_CLASSIFICATION_RULES.filter(r => ids.includes(r.severity));

  const a = c?.getOptionalConfig('alertmanager');
  const defaults: Record<string, string> = {
    critical: 'P1',
    error: 'P2',
    warning: 'P3',
    info: 'P4',
  };
  const mapConfig = a?.getOptionalConfig('severities');
  const severityMap = mapConfig
    ? Object.fromEntries(
        mapConfig
          .keys()
          .map(k => [
            k,
            known(
              `reliability.incidents.alertmanager.severities.${k}`,
              mapConfig.getString(k),
            ),
          ]),
      )
    : Object.fromEntries(
        Object.entries(defaults).filter(([, v]) => ids.includes(v)),
      );
  const middle = severities[Math.floor((severities.length - 1) / 2)]?.id;
  const alerts: AlertMapping = {
    entityLabels: a?.getOptionalConfigArray('entityLabels')?.map(l => ({
      label: l.getString('label'),
      kind: l.getOptionalString('kind') ?? 'component',
      namespace: l.getOptionalString('namespace') ?? 'default',
    })) ?? [{ label: 'service', kind: 'component', namespace: 'default' }],
    severityLabel: a?.getOptionalString('severityLabel') ?? 'severity',
    severities: severityMap,
    defaultSeverity: known(
      'reliability.incidents.alertmanager.defaultSeverity',
      a?.getOptionalString('defaultSeverity') ??
        (ids.includes('P3') ? 'P3' : middle),
    ),
  };
  return {
    roles: roles.map(({ key: _key, ...role }: any) => role),
    rules,
    alerts,
    postmortemDueDays: c?.getOptionalNumber('postmortemDueDays') ?? 5,
    maxNotes: c?.getOptionalNumber('maxNotes') ?? 1000,
  };
}
