import { type Token, type Tokens, marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { normaliseEntityRef } from '../entityRefs';
import {
  RELIABILITY_API_VERSION,
  type RunbookFileResult,
  type RunbookStep,
} from './types';

/** @public */
export type ParseMarkdownRunbookOptions = {
  /** How the file is named in problems: a path or a URL. */
  file: string;
  /** The entities the runbook serves when it names none (the annotating ones). */
  defaultEntityRef?: string | string[];
  /** Largest file read, in bytes. */
  maxFileBytes?: number;
};

const SECTIONS: Record<
  string,
  'summary' | 'impact' | 'diagnosis' | 'mitigation'
> = {
  meaning: 'summary',
  summary: 'summary',
  impact: 'impact',
  diagnosis: 'diagnosis',
  mitigation: 'mitigation',
  remediation: 'mitigation',
};

/**
 * Maps a Markdown runbook in the prometheus-operator style (one file per
 * alert, `## Meaning` / `## Impact` / `## Diagnosis` / `## Mitigation`) onto
 * the runbook model: the file name (or the first `#` heading) is the alert
 * that triggers it, fenced code blocks become commands to run, the rest
 * manual steps. Optional YAML front matter may set `title`, `severity`,
 * `owner`, `category` and `entityRefs`.
 *
 * @public
 */
export function parseMarkdownRunbook(
  text: string,
  options: ParseMarkdownRunbookOptions,
): RunbookFileResult {
  const { file } = options;
  const maxBytes = options.maxFileBytes ?? 512 * 1024;
  const fail = (message: string, line = 0): RunbookFileResult => ({
    runbooks: [],
    problems: [
      { severity: 'error', file, line, column: line ? 1 : 0, message },
    ],
  });
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    return fail(`file is larger than the limit of ${maxBytes} bytes`);
  }
  if (text.includes('\u0000')) {
    return fail('file is binary (it contains NUL bytes), not Markdown');
  }

  let body = text.replace(/\r\n/g, '\n');
  let bodyLine = 1;
  let front: Record<string, unknown> = {};
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    try {
      const parsed = parseYaml(fm[1], { maxAliasCount: 10 });
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        front = parsed as Record<string, unknown>;
      }
    } catch (error) {
      return fail(
        `front matter is not valid YAML: ${
          (error as Error).message.split('\n')[0]
        }`,
        2,
      );
    }
    bodyLine = fm[0].split('\n').length;
    body = body.slice(fm[0].length);
  }

  const baseName = file.split(/[\\/]/).pop()!.replace(/\.md$/i, '');
  // A real Markdown parser: a `## ` inside a fenced code block is code, not
  // the start of a section.
  const tokens = marked.lexer(body);
  const h1 = (
    tokens.find(
      t => t.type === 'heading' && (t as Tokens.Heading).depth === 1,
    ) as Tokens.Heading | undefined
  )?.text.trim();
  const alertName = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/.test(baseName)
    ? baseName
    : h1 ?? baseName;
  if (!/^[A-Za-z_:][A-Za-z0-9_:.-]{0,199}$/.test(alertName)) {
    return fail(
      `cannot derive an alert name from ${JSON.stringify(
        alertName.slice(0, 80),
      )}: name the file <AlertName>.md`,
    );
  }
  const name = kebab(alertName);
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) {
    return fail(
      `cannot derive a runbook name from ${JSON.stringify(alertName)}`,
    );
  }

  const sections: Record<string, Token[]> = {};
  let current: string | undefined;
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      current =
        (token as Tokens.Heading).depth === 2
          ? SECTIONS[
              (token as Tokens.Heading).text.trim().toLocaleLowerCase('en-US')
            ]
          : undefined;
      continue;
    }
    if (current) (sections[current] ??= []).push(token);
  }
  if (Object.keys(sections).length === 0) {
    // No runbook section at all: a README or an index page, not a runbook.
    return { runbooks: [], problems: [] };
  }
  const textOf = (key: string) =>
    sections[key]
      ?.map(t => t.raw)
      .join('')
      .trim() || undefined;
  const stepsOf = (key: string) =>
    sections[key] ? toSteps(sections[key]) : [];

  const str = (key: string) =>
    typeof front[key] === 'string' ? (front[key] as string) : undefined;
  const refs = Array.isArray(front.entityRefs)
    ? front.entityRefs.filter((r): r is string => typeof r === 'string')
    : [];
  if (refs.length === 0 && options.defaultEntityRef) {
    refs.push(...[options.defaultEntityRef].flat());
  }
  let entityRefs: string[];
  try {
    entityRefs = [...new Set(refs.map(r => normaliseEntityRef(r)))];
  } catch (error) {
    return fail(`front matter entityRefs: ${(error as Error).message}`, 2);
  }

  return {
    runbooks: [
      {
        file,
        line: bodyLine,
        document: {
          apiVersion: RELIABILITY_API_VERSION,
          kind: 'Runbook',
          metadata: {
            name,
            namespace: 'default',
            title: (str('title') ?? h1 ?? alertName).slice(0, 300),
          },
          spec: {
            entityRefs,
            ...(str('severity') ? { severity: str('severity') } : {}),
            ...(str('owner') ? { owner: str('owner') } : {}),
            ...(str('category') ? { category: str('category') } : {}),
            ...(textOf('summary') ? { summary: textOf('summary') } : {}),
            ...(textOf('impact') ? { impact: textOf('impact') } : {}),
            triggers: [{ alertName }],
            ...(stepsOf('diagnosis').length
              ? { diagnosis: stepsOf('diagnosis') }
              : {}),
            ...(stepsOf('mitigation').length
              ? { immediateActions: stepsOf('mitigation') }
              : {}),
          },
        },
      },
    ],
    problems: [],
  };
}

// Code blocks are commands to run; the prose between them a manual step.
function toSteps(tokens: Token[]): RunbookStep[] {
  const steps: RunbookStep[] = [];
  let prose = '';
  const flush = () => {
    if (prose.trim()) steps.push({ manual: prose.trim() });
    prose = '';
  };
  for (const token of tokens) {
    if (token.type === 'code') {
      flush();
      const command = (token as Tokens.Code).text.trim();
      if (command) steps.push({ run: command });
    } else {
      prose += token.raw;
    }
  }
  flush();
  return steps;
}

function kebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLocaleLowerCase('en-US')
    .slice(0, 63)
    .replace(/-+$/, '');
}
