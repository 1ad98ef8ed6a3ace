import type { ValidateOutput } from './output';
import { report, REPORT_USAGE } from './report';
import {
  type ValidateFormat,
  validateRunbooks,
  VALIDATE_USAGE,
} from './validateRunbooks';

/**
 * The command line: `reliability-runbooks validate [--severities P1,P2]
 * [--format text|github] [--rules rules.yml] <paths>` (under GitHub Actions, `GITHUB_ACTIONS`
 * set, the format defaults to `github`), and `reliability-runbooks report
 * <format> --entity-ref <ref> -- <command>`, which sends a backup tool's
 * output to the portal (asynchronous: it resolves to the exit code).
 *
 * @public
 */
export function main(
  argv: string[],
  output: ValidateOutput,
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === 'help' || command === '-h') {
    output.out(`${VALIDATE_USAGE}\n${REPORT_USAGE}`);
    return 0;
  }
  if (command === 'report') return report(rest, output, env, cwd);
  if (command !== 'validate') {
    output.err(`${VALIDATE_USAGE}\n${REPORT_USAGE}`);
    return 2;
  }
  let severities: string[] | undefined = ['P1', 'P2', 'P3', 'P4'];
  let format: ValidateFormat =
    env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
  const paths: string[] = [];
  const rules: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--severities') {
      const list = rest[++i] ?? '';
      severities = list === '*' ? undefined : list.split(',').filter(Boolean);
    } else if (rest[i] === '--rules') {
      const file = rest[++i];
      if (!file) {
        output.err(`--rules needs a rule file\n${VALIDATE_USAGE}`);
        return 2;
      }
      rules.push(file);
    } else if (rest[i] === '--format') {
      const value = rest[++i];
      if (value !== 'text' && value !== 'github') {
        output.err(`--format must be text or github\n${VALIDATE_USAGE}`);
        return 2;
      }
      format = value;
    } else {
      paths.push(rest[i]);
    }
  }
  return validateRunbooks(paths, { cwd, severities, format, output, rules });
}
