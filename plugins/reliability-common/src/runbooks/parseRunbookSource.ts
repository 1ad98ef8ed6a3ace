import { parsePrometheusRules } from '../alerts/rules';
import { severityProblem } from '../severities';
import { parseMarkdownRunbook } from './parseMarkdownRunbook';
import {
  DEFAULT_RUNBOOK_PARSE_LIMITS,
  parseRunbookFile,
} from './parseRunbookFile';
import type { AlertRule } from '../alerts/rules';
import type { RunbookFileResult } from './types';

// The offset of the first byte that is not valid UTF-8, if any.
function invalidUtf8At(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra = 0;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return undefined;
}

// A file's bytes as text, or why they are not UTF-8 text.
function decodeUtf8(bytes: Uint8Array): string | { error: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      error: `file is not UTF-8 text: the byte at offset ${
        invalidUtf8At(bytes) ?? 0
      } is not valid UTF-8`,
    };
  }
}

/** The file names the indexer and the validator read. @public */
export function isRunbookFileName(name: string): boolean {
  return /\.(ya?ml|md)$/i.test(name);
}

/**
 * Whether a YAML file is a Prometheus rule file rather than runbooks: a
 * top-level `groups:` and no `apiVersion:`.
 *
 * @public
 */
export function isPrometheusRuleFile(text: string): boolean {
  return /^groups\s*:/m.test(text) && !/^apiVersion\s*:/m.test(text);
}

/**
 * Parses a runbook file of either form: YAML documents, or a Markdown runbook
 * in the prometheus-operator style (a Markdown file without any runbook
 * section is not a runbook and gives nothing). A Prometheus rule file beside
 * the runbooks gives its alerting rules.
 *
 * @public
 */
export function parseRunbookSource(
  text: string,
  options: {
    file: string;
    severities?: string[];
    defaultEntityRef?: string | string[];
    maxFileBytes?: number;
  },
): RunbookFileResult {
  if (/\.md$/i.test(options.file)) {
    const result = parseMarkdownRunbook(text, options);
    // Markdown cannot state a severity in the schema's terms; check it here.
    const problem = severityProblem(
      result.runbooks[0]?.document.spec.severity,
      options.severities,
    );
    if (problem) {
      return {
        runbooks: [],
        problems: [
          {
            severity: 'error',
            file: options.file,
            line: 1,
            column: 1,
            runbook: result.runbooks[0].document.metadata.name,
            message: `severity ${problem}`,
          },
        ],
      };
    }
    return result;
  }
  if (isPrometheusRuleFile(text)) {
    const max =
      options.maxFileBytes ?? DEFAULT_RUNBOOK_PARSE_LIMITS.maxFileBytes;
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > max) {
      return {
        runbooks: [],
        problems: [
          {
            severity: 'error',
            file: options.file,
            line: 0,
            column: 0,
            message: `file is ${bytes} bytes, more than the limit of ${max}`,
          },
        ],
      };
    }
    const { rules, problems } = parsePrometheusRules(text, options.file);
    return { runbooks: [], problems, alertRules: rules };
  }
  return parseRunbookFile(text, {
    ...options,
    limits:
      options.maxFileBytes !== undefined
        ? { maxFileBytes: options.maxFileBytes }
        : undefined,
  });
}

/** One file of a runbook folder, as read from disk or Git. @public */
export type RunbookSourceFile = {
  /** How the file is named in problems: a repository URL or a relative path. */
  file: string;
  /** The text; or give `bytes`, which must be UTF-8. */
  text?: string;
  bytes?: Uint8Array;
};

/** What a whole folder of runbook files gives. @public */
export type RunbookFolderResult = RunbookFileResult & {
  recoveryPlans: NonNullable<RunbookFileResult['recoveryPlans']>;
  /** The alerting rules of the folder's rule files that have no error. */
  alertRules: AlertRule[];
  /** Files with at least one error (their runbooks are not indexed). */
  failedFiles: string[];
};

/** How a runbook folder is parsed. @public */
export type RunbookFolderParseOptions = {
  severities?: string[];
  defaultEntityRef?: string | string[];
  maxFileBytes?: number;
};

/**
 * Parses every file of one runbook folder the way the indexer does, and
 * refuses what it refuses across files: two files that define the same
 * runbook name (the first by path wins; the other is an error naming both).
 * The validator CLI uses the same function, so CI sees what the portal will.
 *
 * @public
 */
export function parseRunbookFolder(
  files: RunbookSourceFile[],
  options: RunbookFolderParseOptions,
): RunbookFolderResult {
  const folder = folderParser(options);
  for (const source of files) folder.add(source);
  return folder.result;
}

/**
 * The same as {@link parseRunbookFolder}, giving the event loop back between
 * files once `sliceMs` (default 10 ms) of parsing has passed: a server
 * reading thousands of files keeps answering requests meanwhile.
 *
 * @public
 */
export async function parseRunbookFolderInSlices(
  files: RunbookSourceFile[],
  options: RunbookFolderParseOptions & {
    sliceMs?: number;
    signal?: AbortSignal;
  },
): Promise<RunbookFolderResult> {
  const folder = folderParser(options);
  const sliceMs = options.sliceMs ?? 10;
  let sliceStart = Date.now();
  for (const source of files) {
    folder.add(source);
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise(resolve => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
      sliceStart = Date.now();
    }
  }
  return folder.result;
}

function folderParser(options: RunbookFolderParseOptions) {
  const runbooks: RunbookFileResult['runbooks'] = [];
  const recoveryPlans: NonNullable<RunbookFileResult['recoveryPlans']> = [];
  const problems: RunbookFileResult['problems'] = [];
  const failedFiles: string[] = [];
  const alertRules: AlertRule[] = [];
  const seen = new Map<string, string>();
  // The first by path wins; a later one of the same kind and name is an
  // error naming both files.
  const unique = (
    what: string,
    r: {
      file: string;
      line: number;
      document: { metadata: { name: string; namespace?: string } };
    },
  ) => {
    const key = `${r.document.metadata.namespace ?? 'default'}/${
      r.document.metadata.name
    }`;
    const first = seen.get(`${what}:${key}`);
    if (first) {
      problems.push({
        severity: 'error',
        file: r.file,
        line: r.line,
        column: 1,
        runbook: r.document.metadata.name,
        message: `duplicate ${what} name ${key}: ${first} already defines it`,
      });
      return false;
    }
    seen.set(`${what}:${key}`, r.file);
    return true;
  };
  const add = (source: RunbookSourceFile) => {
    const { file } = source;
    const text = source.text ?? decodeUtf8(source.bytes ?? new Uint8Array());
    if (typeof text !== 'string') {
      problems.push({
        severity: 'error',
        file,
        line: 0,
        column: 0,
        message: text.error,
      });
      failedFiles.push(file);
      return;
    }
    const result = parseRunbookSource(text, { ...options, file });
    problems.push(...result.problems);
    if (result.problems.some(p => p.severity === 'error')) {
      failedFiles.push(file);
    } else if (result.alertRules) {
      alertRules.push(...result.alertRules);
    }
    runbooks.push(...result.runbooks.filter(r => unique('runbook', r)));
    recoveryPlans.push(
      ...(result.recoveryPlans ?? []).filter(p => unique('recovery plan', p)),
    );
  };
  return {
    add,
    result: { runbooks, recoveryPlans, problems, failedFiles, alertRules },
  };
}
