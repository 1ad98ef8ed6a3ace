import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseRunbookFolder } from './parseRunbookSource';
import { runbookSkill, runbookSkillName } from './runbookSkill';
import type { RunbookDocument } from './types';

// A SKILL.md as agent runtimes read it: front matter, then Markdown.
function readSkill(text: string) {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no front matter:\n${text.slice(0, 200)}`);
  return { front: parse(match[1]), body: match[2] };
}

const doc = (spec: RunbookDocument['spec'], name = 'postgres-down') =>
  ({
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'Runbook',
    metadata: { name, namespace: 'default', title: 'PostgreSQL is down' },
    spec,
  } as RunbookDocument);

describe('runbookSkill', () => {
  it('writes the front matter agents read and the procedure, each command fenced', () => {
    const skill = runbookSkill(
      doc({
        severity: 'P1',
        summary: 'The primary does not answer.',
        entityRefs: ['resource:default/insights-postgres'],
        triggers: [
          { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
        ],
        symptoms: ['the API answers 503'],
        steps: [
          {
            title: 'Restart the primary',
            run: 'kubectl rollout restart sts/pg\n# no ``` escape',
          },
          { verify: 'pg_isready', expect: 'accepting connections' },
        ],
      }),
      { portalUrl: 'http://portal/reliability/runbooks/default/postgres-down' },
    );
    const { front, body } = readSkill(skill);
    expect(front).toEqual({
      name: 'postgres-down',
      description:
        'The primary does not answer. Use it when the alert PostgresDown fires.',
      metadata: {
        runbook: 'default/postgres-down',
        severity: 'P1',
        entityRefs: 'resource:default/insights-postgres',
        source: 'http://portal/reliability/runbooks/default/postgres-down',
      },
    });
    expect(body).toContain('# PostgreSQL is down');
    expect(body).toContain(
      '- The alert `PostgresDown` (namespace=insights) fires',
    );
    expect(body).toContain('1. Restart the primary');
    // A fence longer than any run of backticks in the command.
    expect(body).toContain(
      '````sh\n   kubectl rollout restart sts/pg\n   # no ``` escape\n   ````',
    );
    expect(body).toContain('(In an incident, this is step `steps[1]`.)');
    expect(body).toContain('Expect: accepting connections');
  });

  it('keeps names and descriptions within what runtimes accept', () => {
    const other = {
      ...doc({}, 'db_FAILOVER--now'),
      metadata: { name: 'db_FAILOVER--now', namespace: 'payments', title: 'X' },
    } as RunbookDocument;
    expect(runbookSkillName(other)).toBe('payments-db-failover-now');
    const long = readSkill(runbookSkill(doc({ summary: 'word '.repeat(400) })))
      .front.description;
    expect(long.length).toBeLessThanOrEqual(1024);
  });

  it('gives every demo runbook valid front matter and a procedure', () => {
    const root = resolve(__dirname, '../../../../examples/runbooks');
    const files = readdirSync(root).flatMap(dir =>
      statSync(join(root, dir)).isDirectory()
        ? readdirSync(join(root, dir)).map(f => join(root, dir, f))
        : [],
    );
    const { runbooks, problems } = parseRunbookFolder(
      files.map(file => ({ file, text: readFileSync(file, 'utf8') })),
      {},
    );
    expect(problems.filter(p => p.severity === 'error')).toEqual([]);
    expect(runbooks.length).toBeGreaterThan(5);
    for (const { document } of runbooks) {
      const { front, body } = readSkill(runbookSkill(document));
      expect(front.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(front.name.length).toBeLessThanOrEqual(64);
      expect(typeof front.description).toBe('string');
      expect(front.description.length).toBeGreaterThan(10);
      expect(front.description.length).toBeLessThanOrEqual(1024);
      expect(body).toMatch(/^\n?# /);
      expect(body).toMatch(/## (Steps|Diagnosis|Immediate actions|Recovery)/);
    }
  });
});
