import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(__dirname, '..', 'bin', 'reliability-runbooks');
jest.setTimeout(30_000);

// A stand-in for the portal's import route, recording what it was sent.
let server: Server;
let url: string;
const received: Array<{ url: string; auth?: string; body: any }> = [];
let answer = { status: 200, body: {} as object };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      received.push({
        url: req.url!,
        auth: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(r => server.close(r)));
beforeEach(() => {
  received.length = 0;
});

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(done => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, RELIABILITY_TOKEN: 'reporter-token', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('close', code => done({ code: code ?? 1, stdout, stderr }));
  });
}

describe('reliability-runbooks report', () => {
  it('runs the tool, sends what it printed with its exit code, and prints the answer', async () => {
    answer = {
      status: 200,
      body: {
        format: 'restic',
        events: 1,
        accepted: 1,
        duplicates: 0,
        notes: ['a note'],
      },
    };
    const result = await cli([
      'report',
      'restic',
      '--entity-ref',
      'resource:default/insights-object-store',
      '--job',
      'weekly',
      '--url',
      url,
      '--',
      process.execPath,
      '-e',
      'console.log("[]"); console.error("Fatal: repository is already locked"); process.exit(3)',
    ]);
    expect(result.stdout).toBe(
      'restic: 1 backup(s) read, 1 new, 0 already reported\n  a note\n',
    );
    // The tool's own exit code, so the CronJob still fails.
    expect(result.code).toBe(3);
    expect(received).toHaveLength(1);
    expect(received[0].url).toBe(
      '/api/reliability/backups/import/restic?entityRef=resource%3Adefault%2Finsights-object-store&job=weekly',
    );
    expect(received[0].auth).toBe('Bearer reporter-token');
    expect(received[0].body).toMatchObject({
      exitCode: 3,
      stdout: '[]\n',
      stderr: 'Fatal: repository is already locked\n',
      startedAt: expect.stringMatching(/^\d{4}-/),
      finishedAt: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('sends a file as it is, and says why the portal refused it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'info.json'), '[{"name":"main"}]');
    answer = {
      status: 400,
      body: { error: { message: 'Not the output of pgbackrest info' } },
    };
    const result = await cli(
      [
        'report',
        'pgbackrest',
        '--entity-ref',
        'resource:insights-postgres',
        '--file',
        join(dir, 'info.json'),
      ],
      { RELIABILITY_URL: url },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'The portal refused the report (400): Not the output of pgbackrest info\n',
    );
    expect(received[0].body).toEqual([{ name: 'main' }]);
  });

  it('explains what is missing', async () => {
    const result = await cli(['report', 'pgbackrest', '--url', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--entity-ref is required\nusage: /);
    expect(received).toEqual([]);
  });
});
