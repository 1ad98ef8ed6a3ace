import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  BackupImportSummary,
  BackupToolRunInput,
} from '@reliability-suite/plugin-reliability-common';
import type { ValidateOutput } from './output';

export const REPORT_USAGE = `usage: reliability-runbooks report <pgbackrest|restic|…> --entity-ref <ref> [--component <name>] [--job <name>]
         [--url <backend URL>] (--file <output.json> | -- <command> [args…])
  Sends a backup tool's output to the portal (POST /api/reliability/backups/import/<format>).
  With -- <command>, runs it and sends what it printed with its exit code (so a run
  that failed is reported too), then exits with the command's exit code.
  The portal: --url or RELIABILITY_URL (e.g. https://backstage.acme.example);
  its token: RELIABILITY_TOKEN (a static external-access token).`;

interface ReportArgs {
  format: string;
  entityRef: string;
  component?: string;
  job?: string;
  url: string;
  file?: string;
  command?: string[];
}

function parseArgs(
  argv: string[],
  env: Record<string, string | undefined>,
): ReportArgs | string {
  const [format, ...rest] = argv;
  if (!format || format.startsWith('-')) return 'name the format';
  const args: Partial<ReportArgs> = { format, url: env.RELIABILITY_URL };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--') {
      args.command = rest.slice(i + 1);
      break;
    }
    const value = rest[i + 1];
    if (value === undefined) return `${flag} needs a value`;
    i++;
    if (flag === '--entity-ref') args.entityRef = value;
    else if (flag === '--component') args.component = value;
    else if (flag === '--job') args.job = value;
    else if (flag === '--url') args.url = value;
    else if (flag === '--file') args.file = value;
    else return `unknown option ${flag}`;
  }
  if (!args.entityRef) return '--entity-ref is required';
  if (!args.url) return '--url (or RELIABILITY_URL) is required';
  if (!args.file && !args.command?.length) {
    return 'give --file or -- <command>';
  }
  return args as ReportArgs;
}

function run(command: string[]): Promise<BackupToolRunInput> {
  const startedAt = new Date().toISOString();
  return new Promise(done => {
    const child = spawn(command[0], command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', d => out.push(d));
    child.stderr.on('data', d => err.push(d));
    const finish = (exitCode: number, extra = '') =>
      done({
        tool: command[0],
        command: command.join(' '),
        exitCode,
        startedAt,
        finishedAt: new Date().toISOString(),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: `${Buffer.concat(err).toString('utf8')}${extra}`.slice(-20_000),
      });
    child.on('error', e => finish(127, `${e.message}\n`));
    child.on('close', code => finish(code ?? 1));
  });
}

/**
 * `report <format> …`: sends a backup tool's output to the portal's import
 * route, or runs the tool and sends what it printed with its exit code.
 * Resolves to the exit code: the command's own when one ran, 1 when the
 * portal refused the report, 2 for bad usage.
 */
export async function report(
  argv: string[],
  output: ValidateOutput,
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<number> {
  const args = parseArgs(argv, env);
  if (typeof args === 'string') {
    output.err(`${args}\n${REPORT_USAGE}`);
    return 2;
  }
  let body: unknown;
  let exitCode = 0;
  if (args.command?.length) {
    const captured = await run(args.command);
    exitCode = captured.exitCode;
    body = captured;
  } else {
    const text =
      args.file === '-'
        ? readFileSync(0, 'utf8')
        : readFileSync(resolve(cwd, args.file!), 'utf8');
    try {
      body = JSON.parse(text);
    } catch (error) {
      output.err(`${args.file} is not JSON: ${(error as Error).message}`);
      return 2;
    }
  }
  const url = new URL(
    `api/reliability/backups/import/${encodeURIComponent(args.format)}`,
    `${args.url.replace(/\/$/, '')}/`,
  );
  url.searchParams.set('entityRef', args.entityRef);
  if (args.component) url.searchParams.set('component', args.component);
  if (args.job) url.searchParams.set('job', args.job);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(env.RELIABILITY_TOKEN
          ? { Authorization: `Bearer ${env.RELIABILITY_TOKEN}` }
          : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    output.err(`Could not reach ${url.origin}: ${(error as Error).message}`);
    return 1;
  }
  const answer: Partial<BackupImportSummary> & {
    error?: { message?: string };
  } = await response.json().catch(() => ({}));
  if (!response.ok) {
    output.err(
      `The portal refused the report (${response.status}): ${
        answer?.error?.message ?? response.statusText
      }`,
    );
    return 1;
  }
  output.out(
    `${answer.format}: ${answer.events} backup(s) read, ${answer.accepted} new, ${answer.duplicates} already reported`,
  );
  for (const note of answer.notes ?? []) output.out(`  ${note}`);
  return exitCode;
}
