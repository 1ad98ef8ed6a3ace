import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  expandRunbookUrl,
  isRunbookFileName,
  type AlertRule,
  type ParsedRecoveryPlan,
  type ParsedRunbook,
  parsePrometheusRules,
  parseRunbookFolder,
  portalTarget,
  triggerMatches,
  planRunbookRefs,
  type RunbookProblem,
} from '@reliability-suite/plugin-reliability-common';
import type { ValidateOutput } from './output';

export type { ValidateOutput } from './output';

/**
 * How problems are printed: `text` is `file:line:column: error: message`;
 * `github` adds GitHub Actions workflow commands, so that each problem is an
 * annotation on the pull request's diff.
 *
 * @public
 */
export type ValidateFormat = 'text' | 'github';

/** @public */
export interface ValidateOptions {
  /** Relative paths are resolved against it. */
  cwd: string;
  /** The configured severity ids; `undefined` accepts any. */
  severities?: string[];
  format?: ValidateFormat;
  output: ValidateOutput;
  /**
   * Prometheus rule files to check against the runbooks: each alert no
   * runbook answers, and each trigger no rule fires, is a warning.
   */
  rules?: string[];
}

const MAX_FILES = 5000;
/** How `validate` is called. */
export const VALIDATE_USAGE =
  'usage: reliability-runbooks validate [--severities P1,P2,P3,P4] [--format text|github] [--rules <rules.yml>]... <file-or-folder>...';

/**
 * `validate <file-or-folder>...`: checks every runbook and recovery plan
 * file as the portal's
 * indexer will — each named folder is one runbook location, so two files in
 * it that define the same runbook name are an error — and prints one line per
 * problem. Returns the exit code: 0 when no file has an error, 1 otherwise,
 * 2 for bad usage.
 *
 * @public
 */
export function validateRunbooks(
  paths: string[],
  options: ValidateOptions,
): number {
  const { output, cwd } = options;
  if (paths.length === 0) {
    output.err(VALIDATE_USAGE);
    return 2;
  }

  // Inside the working folder files are named relative to it (as CI
  // annotations need them); elsewhere by their absolute path.
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute);
    return rel &&
      !rel.startsWith(`..${sep}`) &&
      rel !== '..' &&
      !isAbsolute(rel)
      ? rel.split(sep).join('/')
      : absolute;
  };

  // Each folder named is one location; files named one by one (as a shell
  // expands `runbooks/*.yaml`) are one location together, so that two of
  // them defining the same runbook name are caught as the indexer would.
  const locations: string[][] = [];
  const looseFiles: string[] = [];
  let total = 0;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      output.err(`${path}: no such file or folder`);
      return 2;
    }
    const files: string[] = [];
    if (stat.isDirectory()) {
      collect(absolute, files);
      locations.push(files.sort());
    } else {
      files.push(absolute);
      looseFiles.push(absolute);
    }
    total += files.length;
    if (total > MAX_FILES) {
      output.err(`more than ${MAX_FILES} files; name fewer folders`);
      return 2;
    }
  }
  if (looseFiles.length > 0) locations.push([...new Set(looseFiles)].sort());

  let errors = 0;
  let warnings = 0;
  let runbooks = 0;
  let plans = 0;
  const tell = (problem: RunbookProblem) => {
    output.out(formatProblem(problem, options.format));
    if (problem.severity === 'error') errors++;
    else warnings++;
  };
  const known = new Set<string>();
  const allPlans: ParsedRecoveryPlan[] = [];
  const allRunbooks: ParsedRunbook[] = [];
  // Rule files kept beside the runbooks (a `groups:` list) are checked too.
  const folderRules: AlertRule[] = [];
  for (const files of locations) {
    const result = parseRunbookFolder(
      files.map(file => ({
        file: display(file),
        bytes: readFileSync(file),
      })),
      { severities: options.severities },
    );
    runbooks += result.runbooks.length;
    allRunbooks.push(...result.runbooks);
    plans += result.recoveryPlans.length;
    for (const r of result.runbooks) {
      known.add(`${r.document.metadata.namespace}/${r.document.metadata.name}`);
    }
    allPlans.push(...result.recoveryPlans);
    folderRules.push(...result.alertRules);
    for (const problem of result.problems) tell(problem);
  }
  // Validated with runbooks, a plan's drills and scenarios must name ones
  // that are there (plans alone may name runbooks kept elsewhere).
  if (known.size > 0) {
    for (const plan of allPlans) {
      for (const { ref, path } of planRunbookRefs(plan)) {
        if (known.has(ref)) continue;
        tell({
          severity: 'warning',
          file: plan.file,
          line: plan.line,
          column: 1,
          runbook: plan.document.metadata.name,
          message: `${path
            .map(p => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .slice(
              1,
            )} names runbook ${ref}, which none of the files validated defines`,
        });
      }
    }
  }
  let coverage = '';
  if (options.rules?.length) {
    const checked = checkRules(options.rules, allRunbooks, {
      folderRules,
      cwd,
      display,
      tell,
      output,
    });
    if (checked === undefined) return 2;
    coverage = `; ${checked.alerts} alert(s), ${checked.uncovered} without a runbook, ${checked.deadTriggers} trigger(s) no rule fires`;
  }
  const planCount = plans > 0 ? `, ${plans} recovery plan(s)` : '';
  output.out(
    `${total} file(s), ${runbooks} runbook(s)${planCount}${coverage}: ${errors} error(s), ${warnings} warning(s)`,
  );
  return errors > 0 ? 1 : 0;
}

// GitHub's workflow commands need these escaped in properties and messages.
const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One problem as a line: `file:line:column: severity: message`, the form
 * editors and CI logs link; or, for `github`, a workflow command
 * `::error file=…,line=…,col=…::message`.
 *
 * @public
 */
export function formatProblem(
  problem: RunbookProblem,
  format: ValidateFormat = 'text',
): string {
  if (format === 'github') {
    const props = [`file=${escapeProperty(problem.file)}`];
    if (problem.line > 0) {
      props.push(`line=${problem.line}`, `col=${problem.column}`);
    }
    return `::${problem.severity} ${props.join(',')}::${escapeData(
      problem.message,
    )}`;
  }
  const where =
    problem.line > 0
      ? `${problem.file}:${problem.line}:${problem.column}`
      : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

function collect(folder: string, files: string[]) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = resolve(folder, entry.name);
    if (entry.isDirectory()) collect(path, files);
    else if (entry.isFile() && isRunbookFileName(entry.name)) {
      files.push(path);
    }
    if (files.length > MAX_FILES) return;
  }
}

/**
 * The rule files against the runbooks validated: an alert is covered when a
 * trigger matches it (its name, and no label it sets given another value),
 * or when its `runbook_url` leads to one of those runbooks (its page, or
 * the alert landing page of an alert one answers). Undefined when a rule
 * file cannot be read.
 */
function checkRules(
  files: string[],
  runbooks: ParsedRunbook[],
  options: {
    /** The alerting rules of the rule files among the runbooks. */
    folderRules: AlertRule[];
    cwd: string;
    display: (absolute: string) => string;
    tell: (problem: RunbookProblem) => void;
    output: ValidateOutput;
  },
) {
  const { cwd, display, tell, output } = options;
  const names = new Set(
    runbooks.map(
      r => `${r.document.metadata.namespace}/${r.document.metadata.name}`,
    ),
  );
  const triggers = runbooks.flatMap(r =>
    (r.document.spec.triggers ?? []).map(trigger => ({ trigger, runbook: r })),
  );
  const answers = (alertName: string, labels: Record<string, string>) =>
    triggers.some(t => triggerMatches(t.trigger, alertName, labels));
  const rules = [...options.folderRules];
  for (const file of files) {
    const absolute = resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch {
      output.err(`${file}: no such rule file`);
      return undefined;
    }
    const parsed = parsePrometheusRules(text, display(absolute));
    for (const problem of parsed.problems) tell(problem);
    rules.push(...parsed.rules);
  }
  let uncovered = 0;
  for (const rule of rules) {
    if (answers(rule.name, rule.labels)) continue;
    // Any portal's pages count: the rule file does not say which is ours.
    const url = rule.runbookUrl && expandRunbookUrl(rule.runbookUrl, rule);
    const target = url ? portalTarget(url, originOf(url)) : undefined;
    if (
      target?.kind === 'runbook' &&
      names.has(`${target.namespace}/${target.name}`)
    ) {
      continue;
    }
    if (target?.kind === 'alert' && answers(target.alertName, {})) continue;
    uncovered++;
    tell({
      severity: 'warning',
      file: rule.file ?? '',
      line: rule.line ?? 0,
      column: 1,
      message: `alert ${
        rule.name
      } has no runbook: no trigger names it, and ${linkWords(
        rule.runbookUrl,
        target !== undefined,
      )}`,
    });
  }
  let deadTriggers = 0;
  for (const { trigger, runbook } of triggers) {
    if (rules.some(rule => triggerMatches(trigger, rule.name, rule.labels))) {
      continue;
    }
    deadTriggers++;
    tell({
      severity: 'warning',
      file: runbook.file,
      line: runbook.line,
      column: 1,
      runbook: runbook.document.metadata.name,
      message: `trigger ${
        trigger.alertName
      } matches no alerting rule of ${files.join(', ')}${
        options.folderRules.length
          ? ' or the rule files among the runbooks'
          : ''
      }`,
    });
  }
  return { alerts: rules.length, uncovered, deadTriggers };
}

function linkWords(url: string | undefined, intoPortal: boolean): string {
  if (!url) return 'it has no runbook_url';
  return intoPortal
    ? `its runbook_url ${url} leads to no runbook validated here`
    : `its runbook_url ${url} is not a runbook page of the portal`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'http://invalid';
  }
}
