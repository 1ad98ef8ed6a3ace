import type { SeverityLevel } from './types';

/**
 * The default severity levels, P1–P4 with the response targets of the SRE
 * handbook the product was designed from; `reliability.severities` replaces
 * them.
 *
 * @public
 */
export const DEFAULT_SEVERITIES: SeverityLevel[] = [
  {
    id: 'P1',
    label: 'Critical',
    rank: 1,
    colour: '#c62828',
    description:
      'The platform or a customer-facing service is down, or data is being lost.',
    responseTarget: '15 minutes',
    responseMinutes: 15,
    pages: true,
    postmortemRequired: true,
    statusUpdateMinutes: 30,
  },
  {
    id: 'P2',
    label: 'Major',
    rank: 2,
    colour: '#ef6c00',
    description:
      'A major feature is broken or badly degraded; a workaround may exist.',
    responseTarget: '1 hour',
    responseMinutes: 60,
    pages: true,
    postmortemRequired: true,
    statusUpdateMinutes: 60,
  },
  {
    id: 'P3',
    label: 'Minor',
    rank: 3,
    colour: '#f9a825',
    description: 'A minor issue with limited impact.',
    responseTarget: '4 hours',
    responseMinutes: 240,
    pages: false,
    postmortemRequired: false,
    statusUpdateMinutes: 240,
  },
  {
    id: 'P4',
    label: 'Low',
    rank: 4,
    colour: '#1565c0',
    description: 'Low priority; handled in working hours.',
    responseTarget: 'next business day',
    pages: false,
    postmortemRequired: false,
  },
];

/**
 * A severity's rank (1 is the most severe); a level that is not configured
 * ranks after every configured one.
 *
 * @public
 */
export function severityRank(levels: SeverityLevel[], id?: string): number {
  return levels.find(l => l.id === id)?.rank ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Whether a severity is one of the configured ids: absent, or nothing
 * configured to check it against, counts as configured. The one check of
 * runbooks, recovery plans, postmortems and incidents.
 *
 * @public
 */
export function isConfiguredSeverity(
  severity: string | undefined,
  configured: readonly string[] | undefined,
): boolean {
  return severity === undefined || !configured || configured.includes(severity);
}

/**
 * What is wrong with a severity that is not configured, in the words every
 * check uses; undefined when it is (see `isConfiguredSeverity`).
 *
 * @public
 */
export function severityProblem(
  severity: string | undefined,
  configured: readonly string[] | undefined,
): string | undefined {
  return isConfiguredSeverity(severity, configured)
    ? undefined
    : `${JSON.stringify(
        severity,
      )} is not a configured severity (${configured!.join(', ')})`;
}
