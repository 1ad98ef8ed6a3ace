import { severityRank } from '../severities';
import type { SeverityLevel } from '../types';

/** Who is affected. @public */
export type UsersAffected = 'all' | 'many' | 'some' | 'few' | 'none';
/** What happens to data. @public */
export type DataImpact = 'lost' | 'at-risk' | 'none';

/** The questions the classification helper asks. @public */
export type ClassificationAnswers = {
  usersAffected?: UsersAffected;
  data?: DataImpact;
  /** Whether users have a workaround. */
  workaround?: boolean;
  /** A component of the service's recovery plan that is down, by name. */
  componentDown?: string;
};

/**
 * A rule of `reliability.incidents.classification`: the severity an incident
 * has when every condition holds (a condition left out always holds).
 *
 * @public
 */
export type ClassificationRule = {
  severity: string;
  /** For people: "All users are affected". */
  description: string;
  when: {
    usersAffected?: UsersAffected[];
    data?: DataImpact[];
    workaround?: boolean;
  };
};

/** A degraded mode of a recovery plan, for the helper. @public */
export type ClassificationDegradedMode = {
  component: string;
  /** What stops working, when the plan says. */
  impact?: string;
  workaround?: string;
  severity?: string;
  /** The plan's title. */
  plan: string;
};

/** The default rules, by the P1–P4 definitions of the SRE handbook. @public */
export const DEFAULT_CLASSIFICATION_RULES: ClassificationRule[] = [
  {
    severity: 'P1',
    description: 'All users are affected',
    when: { usersAffected: ['all'] },
  },
  {
    severity: 'P1',
    description: 'Data has been lost',
    when: { data: ['lost'] },
  },
  {
    severity: 'P2',
    description: 'Many users are affected and have no workaround',
    when: { usersAffected: ['many'], workaround: false },
  },
  {
    severity: 'P2',
    description: 'Data is at risk',
    when: { data: ['at-risk'] },
  },
  {
    severity: 'P3',
    description: 'Many or some users are affected (with a workaround)',
    when: { usersAffected: ['many', 'some'] },
  },
  {
    severity: 'P4',
    description: 'A few users or none are affected',
    when: {},
  },
];

const holds = (rule: ClassificationRule, a: ClassificationAnswers) =>
  (!rule.when.usersAffected ||
    (a.usersAffected !== undefined &&
      rule.when.usersAffected.includes(a.usersAffected))) &&
  (!rule.when.data ||
    (a.data !== undefined && rule.when.data.includes(a.data))) &&
  (rule.when.workaround === undefined ||
    (a.workaround !== undefined && rule.when.workaround === a.workaround));

/** The outcome of the classification helper. @public */
export type Classification = {
  /** The suggested severity id; absent when nothing matched. */
  severity?: string;
  /** Why, in sentences people read. */
  reasons: string[];
};

/**
 * Suggests a severity from the answers: the most severe configured rule that
 * holds, and — when a component of the service's recovery plan is down — the
 * severity its degraded-mode table gives that, whichever is more severe.
 *
 * @public
 */
export function classifyIncident(
  answers: ClassificationAnswers,
  options: {
    rules: ClassificationRule[];
    severities: SeverityLevel[];
    degradedModes?: ClassificationDegradedMode[];
  },
): Classification {
  const rank = (id?: string) => severityRank(options.severities, id);
  const ordered = [...options.rules].sort(
    (a, b) => rank(a.severity) - rank(b.severity),
  );
  const rule = ordered.find(r => holds(r, answers));
  const candidates: Array<{ severity: string; reason: string }> = [];
  if (rule) {
    candidates.push({
      severity: rule.severity,
      reason: `${rule.severity}: ${rule.description}`,
    });
  }
  if (answers.componentDown) {
    const mode = options.degradedModes?.find(
      m => m.component === answers.componentDown && m.severity,
    );
    if (mode) {
      candidates.push({
        severity: mode.severity!,
        reason: `${mode.severity}: ${mode.plan} says that without ${
          mode.component
        }${mode.impact ? `: ${mode.impact}` : ''}${
          mode.workaround ? ` (workaround: ${mode.workaround})` : ''
        }`,
      });
    }
  }
  candidates.sort((a, b) => rank(a.severity) - rank(b.severity));
  return {
    ...(candidates[0] ? { severity: candidates[0].severity } : {}),
    reasons: candidates.map(c => c.reason),
  };
}

/** What makes an incident of one level, for a service's page. @public */
export type SeverityGuideLevel = {
  severity: string;
  rules: string[];
  /** The service's own degraded modes of this severity. */
  degradedModes: ClassificationDegradedMode[];
};

/**
 * "What makes an incident on this service P1 / P2 / …": each configured
 * level with the rules that lead to it and the service's degraded modes of
 * that severity.
 *
 * @public
 */
export function severityGuide(options: {
  rules: ClassificationRule[];
  severities: SeverityLevel[];
  degradedModes?: ClassificationDegradedMode[];
}): SeverityGuideLevel[] {
  return [...options.severities]
    .sort((a, b) => a.rank - b.rank)
    .map(level => ({
      severity: level.id,
      rules: options.rules
        .filter(r => r.severity === level.id)
        .map(r => r.description),
      degradedModes: (options.degradedModes ?? []).filter(
        m => m.severity === level.id,
      ),
    }));
}
