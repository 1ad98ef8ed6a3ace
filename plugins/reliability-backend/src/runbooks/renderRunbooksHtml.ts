import type {
  RunbookDetails,
  RunbookStep,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { RUNBOOK_STEP_SECTIONS } from '@reliability-suite/plugin-reliability-common';

/**
 * The break-glass export: runbooks as one self-contained HTML file, readable
 * offline and printable, for when the portal itself is down. No script, no
 * external resource (a Content-Security-Policy says so), and every piece of
 * runbook text escaped: Markdown is shown as written, never interpreted.
 */
export function renderRunbooksHtml(options: {
  title: string;
  runbooks: RunbookDetails[];
  severities: SeverityLevel[];
  generatedAt: Date;
}): string {
  const { title, runbooks, severities, generatedAt } = options;
  const severity = (id?: string) => severities.find(s => s.id === id);
  const toc = runbooks
    .map(
      r =>
        `<li><a href="#${anchor(r)}">${esc(r.title)}</a>${
          r.severity ? ` <span class="sev">${esc(r.severity)}</span>` : ''
        }</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-top: 3px solid #333; padding-top: 1rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta, .note { color: #555; font-size: .9rem; }
.sev { display: inline-block; padding: 0 .5rem; border-radius: .7rem; color: #fff; background: #555; font-weight: 600; font-size: .85rem; }
.stale { background: #fff3e0; border-left: 4px solid #ef6c00; padding: .4rem .8rem; }
pre { background: #f4f4f4; border: 1px solid #ddd; padding: .6rem .8rem; white-space: pre-wrap; word-break: break-word; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; }
.text { white-space: pre-wrap; }
ol.steps > li { margin-bottom: .7rem; }
ol.steps > li::marker { font-weight: 600; }
.box { font-size: 1.1rem; margin-right: .3rem; }
section { page-break-inside: auto; }
li, pre { page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: always; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">Exported ${esc(
    generatedAt.toISOString(),
  )} from the developer portal: ${
    runbooks.length
  } runbook(s). Each runbook says when its copy was last read from Git.</p>
<ol>
${toc}
</ol>
${runbooks.map(r => renderRunbook(r, severity(r.severity))).join('\n')}
</body>
</html>
`;
}

function renderRunbook(r: RunbookDetails, level?: SeverityLevel): string {
  const { spec, metadata } = r.document;
  const parts: string[] = [];
  const sevStyle = level
    ? ` style="background:${cssColour(level.colour)}"`
    : '';
  parts.push(
    `<section id="${anchor(r)}"><h2>${esc(r.title)}${
      r.severity
        ? ` <span class="sev"${sevStyle}>${esc(r.severity)}${
            level ? ` · ${esc(level.label)}` : ''
          }</span>`
        : ''
    }</h2>`,
  );
  const facts = [
    `<b>${esc(`${r.namespace}/${r.name}`)}</b>`,
    r.entityRefs.length ? `serves ${r.entityRefs.map(esc).join(', ')}` : '',
    spec.owner ? `owner ${esc(spec.owner)}` : '',
    spec.category ? `category ${esc(spec.category)}` : '',
    level?.responseTarget ? `respond within ${esc(level.responseTarget)}` : '',
    `source ${esc(r.sourceUrl)}${r.sourceLine ? `:${r.sourceLine}` : ''}`,
    `last read ${esc(r.lastSyncedAt)}`,
  ].filter(Boolean);
  parts.push(`<p class="meta">${facts.join(' · ')}</p>`);
  if (r.stale) {
    parts.push(
      '<p class="stale">The latest version of this runbook in Git could not be read; this is the last good copy.</p>',
    );
  }
  if (metadata.description) parts.push(text(metadata.description));
  if (spec.triggers?.length) {
    parts.push(
      `<p><b>Alerts:</b> ${spec.triggers
        .map(
          t =>
            `${esc(t.alertName)}${
              t.labels
                ? ` {${Object.entries(t.labels)
                    .map(([k, v]) => `${esc(k)}="${esc(v)}"`)
                    .join(', ')}}`
                : ''
            }`,
        )
        .join(', ')}</p>`,
    );
  }
  section(parts, 'Summary', spec.summary && text(spec.summary));
  section(parts, 'Impact', spec.impact && text(spec.impact));
  section(parts, 'Symptoms', list(spec.symptoms));
  section(
    parts,
    'Preconditions',
    spec.preconditions?.length
      ? `<ul>${spec.preconditions
          .map(
            p =>
              `<li><span class="box">☐</span>${esc(p.check)}${
                p.description
                  ? `<div class="text note">${esc(p.description)}</div>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : undefined,
  );
  for (const { key, title } of RUNBOOK_STEP_SECTIONS) {
    section(parts, title, steps(spec[key]));
  }
  section(
    parts,
    'Rollback',
    typeof spec.rollback === 'string'
      ? text(spec.rollback)
      : steps(spec.rollback),
  );
  if (spec.escalation) {
    const e = spec.escalation;
    section(
      parts,
      'Escalation',
      [
        e.contacts?.length
          ? `<p>Contacts, in order: ${e.contacts.map(esc).join(', ')}</p>`
          : '',
        e.after
          ? `<p>Escalate when not mitigated after ${esc(e.after)}.</p>`
          : '',
        e.notes ? text(e.notes) : '',
      ].join(''),
    );
  }
  section(parts, 'Postmortem questions', list(spec.postmortemQuestions));
  section(
    parts,
    'Links',
    spec.links?.length
      ? `<ul>${spec.links
          .map(
            l =>
              `<li>${esc(l.title)}: <a href="${esc(safeUrl(l.url))}">${esc(
                l.url,
              )}</a></li>`,
          )
          .join('')}</ul>`
      : undefined,
  );
  if (spec.review?.lastReviewed) {
    parts.push(
      `<p class="meta">Last reviewed ${esc(spec.review.lastReviewed)}${
        spec.review.intervalDays
          ? `, to be reviewed every ${spec.review.intervalDays} days`
          : ''
      }.</p>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function section(parts: string[], heading: string, body: string | undefined) {
  if (body) parts.push(`<h3>${esc(heading)}</h3>${body}`);
}

function steps(items?: RunbookStep[]): string | undefined {
  if (!items?.length) return undefined;
  return `<ol class="steps">${items.map(step).join('')}</ol>`;
}

function step(s: RunbookStep): string {
  const out = [`<li><span class="box">☐</span>`];
  if (s.title) out.push(`<b>${esc(s.title)}</b>`);
  if (s.run) out.push(`<div>Run:</div><pre><code>${esc(s.run)}</code></pre>`);
  if (s.verify) {
    out.push(`<div>Verify:</div><pre><code>${esc(s.verify)}</code></pre>`);
    if (s.expect)
      out.push(`<div class="text">Expected: ${esc(s.expect)}</div>`);
  }
  if (s.manual) out.push(text(s.manual));
  if (s.description)
    out.push(`<div class="text note">${esc(s.description)}</div>`);
  if (s.timeout)
    out.push(
      `<div class="note">Escalate if this takes more than ${esc(
        s.timeout,
      )}.</div>`,
    );
  out.push('</li>');
  return out.join('');
}

function list(items?: string[]): string | undefined {
  return items?.length
    ? `<ul>${items.map(i => `<li class="text">${esc(i)}</li>`).join('')}</ul>`
    : undefined;
}

function text(value: string): string {
  return `<div class="text">${esc(value)}</div>`;
}

function anchor(r: RunbookDetails): string {
  return `rb-${r.namespace}-${r.name}`;
}

function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function cssColour(colour: string): string {
  return /^#[0-9a-f]{3,8}$|^[a-z]{3,20}$/i.test(colour) ? colour : '#555';
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(value: string): string {
  return String(value).replace(/[&<>"']/g, c => ENTITIES[c]);
}
