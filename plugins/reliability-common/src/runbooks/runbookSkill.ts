import { stringify } from 'yaml';
import {
  RUNBOOK_STEP_SECTIONS,
  type RunbookDocument,
  type RunbookStep,
} from './types';

/** The longest `description` agent runtimes accept in a skill's front matter. */
const MAX_DESCRIPTION = 1024;

/**
 * A skill's name as agent runtimes take it: lowercase letters, digits and
 * hyphens, at most 64 characters. A runbook's name is one already unless its
 * namespace is not `default`, which is then put in front.
 *
 * @public
 */
export function runbookSkillName(document: RunbookDocument): string {
  const base =
    document.metadata.namespace && document.metadata.namespace !== 'default'
      ? `${document.metadata.namespace}-${document.metadata.name}`
      : document.metadata.name;
  return (
    base
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 64)
      .replace(/-$/, '') || 'runbook'
  );
}

// Text from a runbook inside Markdown: a line break stays one, and nothing
// can close the code fence around a command.
const fence = (text: string) => {
  const longest = Math.max(
    2,
    ...[...text.matchAll(/`+/g)].map(m => m[0].length),
  );
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}sh\n${text.replace(/\n+$/, '')}\n${ticks}`;
};

function stepLines(step: RunbookStep, n: number): string[] {
  const head = `${n}. ${
    step.title ?? step.manual ?? step.verify ?? step.run ?? ''
  }`
    .split('\n')[0]
    .trim();
  const lines = [head];
  const indent = (block: string) =>
    block
      .split('\n')
      .map(l => (l ? `   ${l}` : l))
      .join('\n');
  if (step.description) lines.push(indent(step.description));
  if (step.run) lines.push(indent(`Run:\n\n${fence(step.run)}`));
  if (step.verify) {
    lines.push(indent(`Check:\n\n${fence(step.verify)}`));
    if (step.expect) lines.push(indent(`Expect: ${step.expect}`));
  }
  if (step.manual && step.title) lines.push(indent(step.manual));
  if (step.timeout) lines.push(indent(`Give it at most ${step.timeout}.`));
  return lines;
}

/**
 * A runbook as an agent skill: `SKILL.md`, front matter with the `name` and
 * `description` agent runtimes read (the description says what it is for
 * and when to use it: the alerts it answers, the symptoms), then the
 * procedure in Markdown — the same sections and steps the portal shows,
 * each step's command in a code block, its address (`steps[0]`) for ticking
 * it in an incident. `portalUrl` is where the runbook's page is.
 *
 * @public
 */
export function runbookSkill(
  document: RunbookDocument,
  options: { portalUrl?: string } = {},
): string {
  const { metadata, spec } = document;
  const alerts = (spec.triggers ?? []).map(t => t.alertName);
  // When to use it, in one sentence: its alerts, else its first symptom.
  const plain = (text: string) => text.replace(/\.+$/, '').trim();
  let when = '';
  if (alerts.length)
    when = `Use it when the alert ${alerts.join(' or ')} fires.`;
  else if (spec.symptoms?.length) {
    when = `Use it when you see: ${plain(spec.symptoms[0])}.`;
  }
  let description = [
    metadata.description ?? spec.summary ?? metadata.title,
    when,
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (description.length > MAX_DESCRIPTION) {
    description = `${description.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
  }
  const front = stringify(
    {
      name: runbookSkillName(document),
      description,
      metadata: {
        runbook: `${metadata.namespace}/${metadata.name}`,
        ...(spec.severity ? { severity: spec.severity } : {}),
        ...(spec.entityRefs?.length
          ? { entityRefs: spec.entityRefs.join(', ') }
          : {}),
        ...(options.portalUrl ? { source: options.portalUrl } : {}),
      },
    },
    { lineWidth: 0 },
  );
  const out: string[] = [`---\n${front}---`, '', `# ${metadata.title}`, ''];
  if (spec.summary) out.push(spec.summary, '');
  if (spec.impact) out.push(`**Impact:** ${spec.impact}`, '');
  if (spec.severity) out.push(`**Severity:** ${spec.severity}`, '');
  if (spec.triggers?.length) {
    out.push('## When to use it', '');
    for (const t of spec.triggers) {
      const labels = Object.entries(t.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      out.push(
        `- The alert \`${t.alertName}\`${labels ? ` (${labels})` : ''} fires`,
      );
    }
    for (const s of spec.symptoms ?? []) out.push(`- ${s}`);
    out.push('');
  } else if (spec.symptoms?.length) {
    out.push('## Symptoms', '', ...spec.symptoms.map(s => `- ${s}`), '');
  }
  if (spec.preconditions?.length) {
    out.push('## Before you start', '');
    for (const p of spec.preconditions) {
      out.push(
        `- ${plain(p.check)}.${p.description ? ` ${p.description}` : ''}`,
      );
    }
    out.push('');
  }
  for (const { key, title } of RUNBOOK_STEP_SECTIONS) {
    const steps = spec[key];
    if (!steps?.length) continue;
    out.push(`## ${title}`, '');
    steps.forEach((step, i) => {
      out.push(...stepLines(step, i + 1));
      out.push(`   (In an incident, this is step \`${key}[${i}]\`.)`, '');
    });
  }
  if (spec.rollback) {
    out.push('## Rollback', '');
    if (typeof spec.rollback === 'string') out.push(spec.rollback, '');
    else {
      spec.rollback.forEach((step, i) =>
        out.push(...stepLines(step, i + 1), ''),
      );
    }
  }
  if (spec.escalation) {
    const { contacts, after, notes } = spec.escalation;
    out.push('## Escalation', '');
    if (after) out.push(`Escalate after ${after}.`);
    if (contacts?.length) out.push(`Contacts: ${contacts.join(', ')}.`);
    if (notes) out.push(notes);
    out.push('');
  }
  if (spec.links?.length) {
    out.push(
      '## Links',
      '',
      ...spec.links.map(l => `- [${l.title}](${l.url})`),
      '',
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
