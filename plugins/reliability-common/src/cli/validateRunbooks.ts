import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  isRunbookFileName,
  parseRunbookSource,
} from '../runbooks/parseRunbookSource';
import type { RunbookProblem } from '../runbooks/types';

/** Where the validator writes. @public */
export interface ValidateOutput {
  out(line: string): void;
  err(line: string): void;
}

const MAX_FILES = 5000;

/**
 * `validate <file-or-folder>...`: checks every runbook file and prints one
 * line per problem, `file:line:column: error|warning: message`. Returns the
 * exit code: 0 when no file has an error, 1 otherwise, 2 for bad usage.
 *
 * @public
 */
export function validateRunbooks(
  paths: string[],
  options: { cwd: string; severities?: string[]; output: ValidateOutput },
): number {
  const { output, cwd } = options;
  if (paths.length === 0) {
    output.err('usage: reliability-runbooks validate <file-or-folder>...');
    return 2;
  }

  const files: string[] = [];
  for (const path of paths) {
    const absolute = join(cwd, path);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      output.err(`${path}: no such file or folder`);
      return 2;
    }
    if (stat.isDirectory()) {
      collect(absolute, files);
    } else {
      files.push(absolute);
    }
    if (files.length > MAX_FILES) {
      output.err(`more than ${MAX_FILES} files; name fewer folders`);
      return 2;
    }
  }

  let errors = 0;
  let warnings = 0;
  let runbooks = 0;
  for (const file of files.sort()) {
    const name = relative(cwd, file) || file;
    const result = parseRunbookSource(readFileSync(file, 'utf8'), {
      file: name,
      severities: options.severities,
    });
    runbooks += result.runbooks.length;
    for (const problem of result.problems) {
      output.out(formatProblem(problem));
      if (problem.severity === 'error') errors++;
      else warnings++;
    }
  }
  output.out(
    `${files.length} file(s), ${runbooks} runbook(s): ${errors} error(s), ${warnings} warning(s)`,
  );
  return errors > 0 ? 1 : 0;
}

/** `file:line:column: severity: message`, the form editors and CI logs link. @public */
export function formatProblem(problem: RunbookProblem): string {
  const where =
    problem.line > 0
      ? `${problem.file}:${problem.line}:${problem.column}`
      : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

function collect(folder: string, files: string[]) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) collect(path, files);
    else if (entry.isFile() && isRunbookFileName(entry.name)) {
      files.push(path);
    }
    if (files.length > MAX_FILES) return;
  }
}

/** The command line: `reliability-runbooks validate [--severities P1,P2] <paths>`. @public */
export function main(argv: string[], output: ValidateOutput): number {
  const [command, ...rest] = argv;
  if (command !== 'validate') {
    output.err(
      'usage: reliability-runbooks validate [--severities P1,P2,P3,P4] <file-or-folder>...',
    );
    return 2;
  }
  let severities: string[] | undefined = ['P1', 'P2', 'P3', 'P4'];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--severities') {
      const list = rest[++i] ?? '';
      severities = list === '*' ? undefined : list.split(',').filter(Boolean);
    } else {
      paths.push(rest[i]);
    }
  }
  return validateRunbooks(paths, { cwd: process.cwd(), severities, output });
}
