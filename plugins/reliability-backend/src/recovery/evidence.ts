import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  type BackupEvent,
  drillVerification,
  meetsVerification,
  parseRecoveryObjective,
  type RecoveryComponent,
  type RecoveryPlanDetails,
  type RecoveryViolation,
} from '@reliability-suite/plugin-reliability-common';
import { createHash } from 'node:crypto';
import type { BackupEventStore } from '../backups/BackupEventStore';
import type { RecoveryViolationStore } from './RecoveryViolationStore';

const fullRef = (ref: string) => {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultNamespace: 'default' }),
    );
  } catch {
    return ref;
  }
};

/** The components of a plan whose evidence an entity's export holds. */
function componentsOf(
  plan: RecoveryPlanDetails,
  entityRef: string,
): RecoveryComponent[] {
  const { spec } = plan.document;
  if ((spec.entityRefs ?? []).some(r => fullRef(r) === entityRef)) {
    return spec.components;
  }
  return spec.components.filter(
    c => c.entityRef && fullRef(c.entityRef) === entityRef,
  );
}

// A cell as a spreadsheet reads it safely: quoted when it must be, and a
// leading = + - @ kept as text (no formula runs in an auditor's Excel).
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows]
    .map(r => r.map(cell).join(','))
    .join('\r\n')}\r\n`;
}

/** A POSIX (ustar) tar archive of the files, in order. */
export function tar(
  files: Array<{ name: string; content: Buffer }>,
  mtime: Date,
): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(512, 0);
    const put = (text: string, offset: number, length: number) =>
      header.write(text, offset, length, 'utf8');
    const octal = (n: number, length: number) =>
      `${n.toString(8).padStart(length - 1, '0')}\0`;
    put(file.name, 0, 100);
    put(octal(0o644, 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(file.content.length, 12), 124, 12);
    put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
    put('        ', 148, 8); // the checksum counts itself as spaces
    put('0', 156, 1);
    put('ustar\u000000', 257, 8);
    put('reliability', 265, 32);
    put('reliability', 297, 32);
    let sum = 0;
    for (const byte of header) sum += byte;
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    blocks.push(header, file.content);
    const pad = (512 - (file.content.length % 512)) % 512;
    if (pad) blocks.push(Buffer.alloc(pad, 0));
  }
  blocks.push(Buffer.alloc(1024, 0));
  return Buffer.concat(blocks);
}

const sha256 = (content: Buffer) =>
  createHash('sha256').update(content).digest('hex');

const objectiveText = (value?: string) => {
  if (value === undefined) return '';
  const parsed = parseRecoveryObjective(String(value));
  return parsed.ok ? String(value) : `${value} (unreadable)`;
};

/**
 * One entity's recovery evidence for a period as a tar archive: the plans'
 * targets, the backups and drills reported in it, the violations open in
 * it, as JSON and CSV, with a manifest and `SHA256SUMS` of every file.
 */
export async function evidenceArchive(options: {
  entityRef: string;
  plans: RecoveryPlanDetails[];
  from: Date;
  until: Date;
  generatedAt: Date;
  eventStore: BackupEventStore;
  violationStore: RecoveryViolationStore;
}): Promise<Buffer> {
  const { entityRef, plans, from, until, generatedAt } = options;
  const period = {
    from: from.toISOString(),
    until: until.toISOString(),
  };
  const targets: Record<string, unknown>[] = [];
  const backups: Array<BackupEvent & { plan: string }> = [];
  const drills: Record<string, unknown>[] = [];
  const violations: Array<RecoveryViolation> = [];
  for (const plan of plans) {
    const id = `${plan.namespace}/${plan.name}`;
    const components = componentsOf(plan, entityRef);
    const names = new Set(components.map(c => c.name));
    const { spec } = plan.document;
    for (const c of components) {
      targets.push({
        plan: id,
        component: c.name,
        title: c.title,
        entityRef: c.entityRef,
        criticality: c.criticality,
        stateless: c.stateless,
        rpo: c.rpo ?? spec.rpo,
        rto: c.rto ?? spec.rto,
        backups: (c.backups ?? []).map(b => ({
          name: b.name,
          type: b.type,
          tool: b.tool,
          schedule: b.schedule,
          enabled: b.enabled !== false,
          retention: b.retention,
          offSite: b.offSite,
          encryption: b.encryption,
        })),
        drill: c.drill,
      });
    }
    const events = (
      await options.eventStore.listInPeriod(plan, from, until)
    ).filter(e => e.component && names.has(e.component));
    for (const e of events) {
      if (e.type === 'backup') {
        backups.push({ ...e, plan: id });
        continue;
      }
      const component = components.find(c => c.name === e.component)!;
      const scenario = component.drill?.scenario
        ? spec.scenarios?.find(s => s.name === component.drill!.scenario)
        : undefined;
      const rtoText = scenario?.rto ?? component.rto ?? spec.rto;
      const rto = rtoText ? parseRecoveryObjective(String(rtoText)) : undefined;
      const rtoSeconds =
        rto?.ok && rto.value.kind === 'duration'
          ? rto.value.seconds
          : undefined;
      const level = drillVerification(e);
      const required = component.drill?.requiredVerification;
      drills.push({
        plan: id,
        component: e.component,
        id: e.id,
        startedAt: e.startedAt,
        finishedAt: e.finishedAt,
        result: e.result,
        restoreSeconds: e.restoreSeconds,
        rto: rtoText,
        ...(scenario ? { scenario: scenario.name } : {}),
        withinRto:
          rtoSeconds !== undefined && e.restoreSeconds !== undefined
            ? e.restoreSeconds <= rtoSeconds
            : undefined,
        verification: level,
        requiredVerification: required,
        meetsRequired: required
          ? meetsVerification(level, required)
          : undefined,
        dataVerified: e.dataVerified,
        tool: e.tool,
        message: e.message,
      });
    }
    for (const v of await options.violationStore.list({
      state: 'all',
      plan,
    })) {
      const opened = Date.parse(v.openedAt);
      const resolved = v.resolvedAt ? Date.parse(v.resolvedAt) : undefined;
      // Open at any time in the period.
      if (
        names.has(v.component) &&
        opened < until.getTime() &&
        (resolved === undefined || resolved >= from.getTime())
      ) {
        violations.push(v);
      }
    }
  }
  violations.sort((a, b) => a.openedAt.localeCompare(b.openedAt));

  const evidence = {
    entityRef,
    period,
    generatedAt: generatedAt.toISOString(),
    plans: plans.map(p => ({
      plan: `${p.namespace}/${p.name}`,
      title: p.title,
      source: p.sourceUrl,
      line: p.sourceLine,
      ...(p.revision ? { revision: p.revision } : {}),
    })),
    targets,
    backups,
    drills,
    violations,
  };
  const text = (s: string) => Buffer.from(s, 'utf8');
  const files = [
    {
      name: 'evidence.json',
      content: text(`${JSON.stringify(evidence, null, 2)}\n`),
    },
    {
      name: 'targets.csv',
      content: text(
        csv(
          [
            'plan',
            'component',
            'title',
            'entity',
            'criticality',
            'rpo',
            'rto',
            'backup jobs',
            'drill cadence',
            'drill scenario',
            'required verification',
          ],
          targets.map(t => {
            const drill = t.drill as RecoveryComponent['drill'];
            return [
              t.plan,
              t.component,
              t.title,
              t.entityRef,
              t.criticality,
              t.stateless
                ? `none needed: ${t.stateless}`
                : objectiveText(t.rpo as string),
              objectiveText(t.rto as string),
              (t.backups as Array<Record<string, unknown>>)
                .map(
                  b =>
                    `${b.name}${b.schedule ? ` (${b.schedule})` : ''}${
                      b.enabled ? '' : ' [switched off]'
                    }`,
                )
                .join('; '),
              drill?.cadence,
              drill?.scenario,
              drill?.requiredVerification,
            ];
          }),
        ),
      ),
    },
    {
      name: 'backups.csv',
      content: text(
        csv(
          [
            'plan',
            'component',
            'job',
            'id',
            'started at',
            'finished at',
            'result',
            'size bytes',
            'restorable to',
            'restorable from',
            'verification',
            'tool',
            'message',
          ],
          backups.map(b => [
            b.plan,
            b.component,
            b.job,
            b.id,
            b.startedAt,
            b.finishedAt,
            b.result,
            b.sizeBytes,
            b.restorableTo ?? b.finishedAt,
            b.restorableFrom,
            b.verification,
            b.tool,
            b.message,
          ]),
        ),
      ),
    },
    {
      name: 'drills.csv',
      content: text(
        csv(
          [
            'plan',
            'component',
            'id',
            'started at',
            'finished at',
            'result',
            'restore seconds',
            'rto',
            'scenario',
            'within rto',
            'verification',
            'required verification',
            'meets required',
            'tool',
          ],
          drills.map(d => [
            d.plan,
            d.component,
            d.id,
            d.startedAt,
            d.finishedAt,
            d.result,
            d.restoreSeconds,
            d.rto,
            d.scenario,
            d.withinRto,
            d.verification,
            d.requiredVerification,
            d.meetsRequired,
            d.tool,
          ]),
        ),
      ),
    },
    {
      name: 'violations.csv',
      content: text(
        csv(
          [
            'id',
            'plan',
            'component',
            'type',
            'detail',
            'opened at',
            'resolved at',
            'acknowledged by',
            'acknowledgement reason',
            'acknowledged at',
            'acknowledged until',
            'notified at',
            'reminders',
          ],
          violations.map(v => [
            v.id,
            `${v.plan.namespace}/${v.plan.name}`,
            v.component,
            v.type,
            v.detail,
            v.openedAt,
            v.resolvedAt,
            v.acknowledgement?.by,
            v.acknowledgement?.reason,
            v.acknowledgement?.at,
            v.acknowledgement?.until,
            v.notifiedAt,
            v.reminders,
          ]),
        ),
      ),
    },
  ];
  const manifest = {
    entityRef,
    period,
    generatedAt: generatedAt.toISOString(),
    files: files.map(f => ({
      name: f.name,
      bytes: f.content.length,
      sha256: sha256(f.content),
    })),
  };
  const manifestFile = {
    name: 'manifest.json',
    content: text(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  const sums = [...files, manifestFile]
    .map(f => `${sha256(f.content)}  ${f.name}\n`)
    .join('');
  return tar(
    [...files, manifestFile, { name: 'SHA256SUMS', content: text(sums) }],
    generatedAt,
  );
}
