import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunbookFile } from './parseRunbookFile';

const SEVERITIES = ['P1', 'P2', 'P3', 'P4'];

function parseFixture(name: string, defaultEntityRef?: string) {
  const text = readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
  return parseRunbookFile(text, {
    file: name,
    severities: SEVERITIES,
    defaultEntityRef,
  });
}

describe('parseRunbookFile', () => {
  it('reads several runbooks from one file, every section, normalised', () => {
    const { runbooks, problems } = parseFixture(
      'good-multi.yaml',
      'component:default/insights-api',
    );
    expect(problems).toEqual([]);
    expect(runbooks.map(r => [r.document.metadata.name, r.line])).toEqual([
      ['postgres-down', 2],
      ['postgres-disk-full', 45],
    ]);

    const [down, disk] = runbooks.map(r => r.document);
    expect(down.metadata).toMatchObject({
      namespace: 'default',
      title: 'PostgreSQL is down',
    });
    expect(down.spec.entityRefs).toEqual([
      'resource:default/insights-postgres',
      'component:default/insights-api',
    ]);
    expect(down.spec.triggers).toEqual([
      { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
    ]);
    expect(down.spec.immediateActions).toEqual([
      { run: 'kubectl delete pod postgresql-0 -n insights' },
      {
        verify: 'pg_isready -h postgresql.insights.svc',
        expect: 'accepting connections',
      },
    ]);
    // A plain string is a manual step.
    expect(down.spec.recovery).toEqual([
      { manual: 'Restore the latest full backup if data is lost.' },
    ]);
    expect(down.spec.rollback).toBe('page-oncall');
    expect(down.spec.review).toEqual({
      lastReviewed: '2026-10-01',
      intervalDays: 90,
    });

    // No entity refs of its own: it serves the entity that points at it.
    expect(disk.spec.entityRefs).toEqual(['component:default/insights-api']);
    expect(disk.metadata.title).toBe('postgres-disk-full');
  });

  it('reads the Kubernetes-style runbook of seed 003 as it is', () => {
    const { runbooks, problems } = parseFixture('seed003-style.yaml');
    expect(problems).toEqual([]);
    const [doc] = runbooks.map(r => r.document);
    expect(doc.metadata.namespace).toBe('platform');
    expect(doc.spec.preconditions).toHaveLength(2);
    expect(doc.spec.steps).toEqual([
      { run: 'openbao operator unseal --auto-shamir' },
      { verify: 'openbao.status.sealed == false' },
    ]);
  });

  it('warns about unknown fields with their line, drops them and keeps the runbook', () => {
    const { runbooks, problems } = parseFixture('unknown-fields.yaml');
    expect(runbooks).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'unknown-fields.yaml',
        line: 5,
        column: 3,
        message: 'unknown field metadata.colour, ignored',
        runbook: 'web-down',
      }),
      expect.objectContaining({
        severity: 'warning',
        line: 8,
        message: 'unknown field spec.priority, ignored',
      }),
      expect.objectContaining({
        severity: 'warning',
        line: 11,
        column: 7,
        message: 'unknown field spec.steps[0].retries, ignored',
      }),
    ]);
    const { spec, metadata } = runbooks[0].document as any;
    expect(metadata.colour).toBeUndefined();
    expect(spec.priority).toBeUndefined();
    expect(spec.steps[0].retries).toBeUndefined();
  });

  it('rejects an invalid runbook, naming each problem with its line', () => {
    const { runbooks, problems } = parseFixture('invalid.yaml');
    expect(runbooks).toEqual([]);
    const byLine = problems.map(p => [p.line, p.severity, p.message]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        [
          4,
          'error',
          'metadata.name must be lower-case letters, digits and dashes',
        ],
        [8, 'error', 'spec.triggers[0] is missing required field alertName'],
        [14, 'error', 'spec.links[0].url must be an http(s) URL'],
      ]),
    );
  });

  it('checks steps and severities once the schema is satisfied', () => {
    const text = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: checks }
spec:
  severity: P9
  steps:
    - run: echo one
      verify: echo two
    - title: nothing to do
    - run: echo three
      expect: three
`;
    const { runbooks, problems } = parseRunbookFile(text, {
      file: 'checks.yaml',
      severities: SEVERITIES,
    });
    expect(runbooks).toEqual([]);
    expect(problems.map(p => [p.line, p.severity, p.message])).toEqual([
      [
        7,
        'error',
        'spec.steps[0] must have exactly one of run, verify or manual (it has run and verify)',
      ],
      [
        9,
        'error',
        'spec.steps[1] must have exactly one of run, verify or manual',
      ],
      [
        11,
        'warning',
        'spec.steps[2] has expect, which only a verify step uses',
      ],
      [
        5,
        'error',
        'spec.severity "P9" is not a configured severity (P1, P2, P3, P4)',
      ],
    ]);
  });

  it('reports a YAML syntax error with its position and keeps going', () => {
    const { runbooks, problems } = parseFixture('broken-syntax.yaml');
    expect(runbooks).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'broken-syntax.yaml',
    });
    expect(problems[0].line).toBeGreaterThanOrEqual(7);
    expect(problems[0].message).not.toMatch(/at line/);
  });

  it('refuses duplicate keys in a mapping', () => {
    const { runbooks, problems } = parseFixture('duplicate-keys.yaml');
    expect(runbooks).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 5 });
    expect(problems[0].message).toMatch(/unique/i);
  });

  it('refuses a second runbook of the same name, naming the first one', () => {
    const { runbooks, problems } = parseFixture('duplicate-names.yaml');
    expect(runbooks).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 10,
        message:
          'duplicate runbook name default/same: line 1 of this file already defines it',
      }),
    ]);
  });

  it('stops an alias bomb before it expands', () => {
    const started = Date.now();
    const { runbooks, problems } = parseFixture('alias-bomb.yaml');
    // Expanded, it would take minutes and gigabytes; the limit leaves room
    // for a loaded machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(runbooks).toEqual([]);
    expect(problems[0].message).toMatch(/alias/i);
  });

  it('ignores other kinds with a warning and refuses other runbook versions', () => {
    const { runbooks, problems } = parseFixture('other-kind.yaml');
    expect(runbooks).toEqual([]);
    expect(problems.map(p => [p.line, p.severity, p.message])).toEqual([
      [
        1,
        'warning',
        'kind "Component" is not a kind this version reads (Runbook, RecoveryPlan), ignored',
      ],
      [
        7,
        'error',
        'apiVersion must be reliability.io/v1alpha1, not "reliability.io/v2"',
      ],
    ]);
  });

  it('treats unknown YAML tags and HTML as plain text, never as code', () => {
    const { runbooks, problems } = parseFixture('hostile-tags.yaml');
    expect(problems.every(p => p.severity === 'warning')).toBe(true);
    const doc = runbooks[0].document;
    expect(typeof doc.metadata.title).toBe('string');
    expect(doc.spec.summary).toBe("<script>alert('x')</script>");
  });

  it('refuses huge and binary files without parsing them', () => {
    const huge = parseRunbookFile('a: b\n'.repeat(200_000), {
      file: 'huge.yaml',
    });
    expect(huge.problems).toEqual([
      expect.objectContaining({
        line: 0,
        message: 'file is 1000000 bytes, more than the limit of 524288',
      }),
    ]);
    const binary = parseRunbookFile('PK\u0003\u0004\u0000\u0000', {
      file: 'archive.yaml',
    });
    expect(binary.problems[0].message).toMatch(/binary/);
  });

  it('limits the number of documents in one file', () => {
    const text = 'kind: Other\n---\n'.repeat(5);
    const result = parseRunbookFile(text, {
      file: 'many.yaml',
      limits: { maxDocuments: 3 },
    });
    expect(result.problems[0].message).toBe(
      'file has 6 YAML documents, more than the limit of 3',
    );
  });

  it('returns nothing for an empty file', () => {
    expect(parseRunbookFile('', { file: 'empty.yaml' })).toEqual({
      runbooks: [],
      recoveryPlans: [],
      problems: [],
    });
  });
});
