import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { parsePrometheusRules } from '@reliability-suite/plugin-reliability-common';
import type { AlertRuleSource } from '@reliability-suite/plugin-reliability-node';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * A Prometheus rule file on this machine, named in the configuration
 * (`reliability.alerts.ruleFiles`): the demo's rules, or rules a deployment
 * mounts. A file that cannot be read or has errors fails the read, which
 * keeps the last good rules; its problems are named with file and line.
 */
export class RuleFileSource implements AlertRuleSource {
  constructor(
    readonly id: string,
    private readonly path: string,
    /** How the file is named in rules and errors (not the server's path). */
    private readonly display: string,
    readonly schedule: SchedulerServiceTaskScheduleDefinition,
  ) {}

  async read() {
    const stat = await fs.stat(this.path).catch(() => {
      throw new Error(`${this.display} could not be read`);
    });
    if (stat.size > MAX_BYTES) {
      throw new Error(
        `${this.display} is ${stat.size} bytes, more than the limit of ${MAX_BYTES}`,
      );
    }
    const text = await fs.readFile(this.path, 'utf8');
    const { rules, problems } = parsePrometheusRules(text, this.display);
    const errors = problems.filter(p => p.severity === 'error');
    if (errors.length) {
      throw new Error(
        errors
          .slice(0, 5)
          .map(p => `${p.file}:${p.line}:${p.column}: ${p.message}`)
          .join('; '),
      );
    }
    return rules;
  }
}

/** The rule files of `reliability.alerts.ruleFiles`. */
export function ruleFileSources(config: Config): RuleFileSource[] {
  return (
    config.getOptionalConfigArray('reliability.alerts.ruleFiles') ?? []
  ).map(file => {
    const path = file.getString('path');
    return new RuleFileSource(
      `file:${file.getString('id')}`,
      resolve(path),
      // Named without the way up from the backend's folder.
      path.replace(/^(\.\.?\/)+/, ''),
      file.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            file.getConfig('schedule'),
          )
        : {
            frequency: { minutes: 10 },
            timeout: { minutes: 1 },
            initialDelay: { seconds: 5 },
          },
    );
  });
}
