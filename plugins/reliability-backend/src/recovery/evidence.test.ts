import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hoursAgo,
  startRecoveryBackend,
  testBackup as backup,
} from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
const TASK = 'reliability-recovery-evaluation';
const owner = mockCredentials.user.header('user:default/alice');

// The files of a ustar archive, by name.
function untar(buffer: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (at + 512 <= buffer.length) {
    const header = buffer.subarray(at, at + 512);
    if (header.every(b => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8'), 8);
    files.set(name, buffer.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const binary = (res: any, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe.each(databases.eachSupportedId())(
  'recovery evidence export on %s',
  databaseId => {
    it('exports the targets, backups, drills and violations of a period, each file under its digest', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      await backend.postEvents([
        backup('old', 30),
        {
          id: 'drill',
          type: 'drill',
          entityRef: 'resource:insights-postgres',
          startedAt: hoursAgo(20),
          finishedAt: hoursAgo(19.8),
          result: 'success',
          restoreSeconds: 600,
          verification: 'application',
        },
      ]);
      const open = async () =>
        (await backend.get('/recovery/violations', owner)).body.totalCount;
      await backend.runTask(TASK, async () => (await open()) >= 1);

      const res = await backend
        .get('/recovery/evidence?entityRef=resource%3Ainsights-postgres', owner)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-tar');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="recovery-evidence-resource-default-insights-postgres-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.tar"$/,
      );
      const files = untar(res.body);
      expect([...files.keys()]).toEqual([
        'evidence.json',
        'targets.csv',
        'backups.csv',
        'drills.csv',
        'violations.csv',
        'manifest.json',
        'SHA256SUMS',
      ]);
      // Every file is what the manifest and SHA256SUMS say.
      const digest = (b: Buffer) =>
        createHash('sha256').update(b).digest('hex');
      const manifest = JSON.parse(files.get('manifest.json')!.toString());
      for (const f of manifest.files) {
        expect(digest(files.get(f.name)!)).toBe(f.sha256);
        expect(files.get(f.name)!.length).toBe(f.bytes);
      }
      // …and `sha256sum -c` agrees, as an auditor would check it.
      const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
      writeFileSync(join(dir, 'evidence.tar'), res.body);
      execFileSync('tar', ['-xf', 'evidence.tar'], { cwd: dir });
      expect(
        execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {
          cwd: dir,
        }).toString(),
      ).toMatch(/evidence\.json: OK[\s\S]*manifest\.json: OK/);

      const evidence = JSON.parse(files.get('evidence.json')!.toString());
      expect(evidence.targets).toEqual([
        expect.objectContaining({
          component: 'postgres',
          rpo: '24h',
          rto: '30m',
        }),
      ]);
      expect(evidence.backups.map((b: any) => b.id)).toEqual(['old']);
      expect(evidence.drills).toEqual([
        expect.objectContaining({
          id: 'drill',
          restoreSeconds: 600,
          withinRto: true,
          verification: 'application',
        }),
      ]);
      expect(evidence.violations).toEqual([
        expect.objectContaining({ type: 'rpo-breach', component: 'postgres' }),
      ]);
      const rows = files.get('violations.csv')!.toString().trim().split('\r\n');
      expect(rows[0]).toMatch(/^id,plan,component,type,detail,opened at/);
      expect(rows[1]).toMatch(
        /^\d+,default\/insights-data,postgres,rpo-breach,/,
      );

      // A period before anything happened holds the targets, no records.
      const empty = untar(
        (
          await backend
            .get(
              '/recovery/evidence?entityRef=resource%3Ainsights-postgres&from=2020-01-01&to=2020-01-31',
              owner,
            )
            .buffer(true)
            .parse(binary)
        ).body,
      );
      const past = JSON.parse(empty.get('evidence.json')!.toString());
      expect(past.period).toEqual({
        from: '2020-01-01T00:00:00.000Z',
        until: '2020-02-01T00:00:00.000Z',
      });
      expect([past.backups, past.drills, past.violations]).toEqual([
        [],
        [],
        [],
      ]);
      expect(
        (
          await backend.get(
            '/recovery/evidence?entityRef=resource%3Ainsights-postgres&from=2020-02-01&to=2020-01-01',
            owner,
          )
        ).status,
      ).toBe(400);
    });

    it('is refused without the export permission on the entity', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        decide: permission =>
          permission === 'reliability.recovery.evidence.export'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      });
      const res = await backend.get(
        '/recovery/evidence?entityRef=resource%3Ainsights-postgres',
        owner,
      );
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may not export the recovery evidence of resource:default/insights-postgres',
      );
    });
  },
);
