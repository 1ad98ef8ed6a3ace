import type { Config } from '@backstage/config';
import {
  DEFAULT_SEVERITIES,
  type SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';

export { DEFAULT_SEVERITIES };

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * Reads `reliability.severities`, or the defaults when it is absent. Refuses
 * (at start-up, with the key at fault) duplicate ids or ranks and bad values,
 * and returns the levels by rank, most severe first.
 */
export function readSeverities(config: Config): SeverityLevel[] {
  const list = config.getOptionalConfigArray('reliability.severities');
  if (!list) {
    return DEFAULT_SEVERITIES;
  }
  if (list.length === 0) {
    throw new Error('reliability.severities must list at least one level');
  }
  const levels = list.map((c, i) => {
    const key = `reliability.severities[${i}]`;
    const id = c.getString('id');
    if (!ID.test(id)) {
      throw new Error(
        `${key}.id "${id}" must be letters, digits, - or _ (at most 32)`,
      );
    }
    const rank = c.getNumber('rank');
    if (!Number.isInteger(rank) || rank < 1) {
      throw new Error(`${key}.rank must be a whole number from 1`);
    }
    const responseMinutes = c.getOptionalNumber('responseMinutes');
    if (
      responseMinutes !== undefined &&
      (!Number.isFinite(responseMinutes) || responseMinutes <= 0)
    ) {
      throw new Error(`${key}.responseMinutes must be a positive number`);
    }
    const statusUpdateMinutes = c.getOptionalNumber('statusUpdateMinutes');
    if (
      statusUpdateMinutes !== undefined &&
      (!Number.isFinite(statusUpdateMinutes) || statusUpdateMinutes <= 0)
    ) {
      throw new Error(`${key}.statusUpdateMinutes must be a positive number`);
    }
    const level: SeverityLevel = {
      id,
      label: c.getOptionalString('label') ?? id,
      rank,
      colour: c.getOptionalString('colour') ?? '#757575',
      description: c.getOptionalString('description') ?? '',
      responseTarget: c.getOptionalString('responseTarget') ?? '',
      responseMinutes,
      pages: c.getOptionalBoolean('pages') ?? false,
      postmortemRequired: c.getOptionalBoolean('postmortemRequired') ?? false,
      ...(statusUpdateMinutes !== undefined ? { statusUpdateMinutes } : {}),
    };
    return level;
  });
  for (const [field, values] of [
    ['id', levels.map(l => l.id.toLocaleLowerCase('en-US'))],
    ['rank', levels.map(l => String(l.rank))],
  ] as const) {
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup !== undefined) {
      throw new Error(
        `reliability.severities has two levels with ${field} ${dup}`,
      );
    }
  }
  return [...levels].sort((a, b) => a.rank - b.rank);
}
