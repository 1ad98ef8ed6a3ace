import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderSource, redactRemote } from './sources';

describe('redactRemote', () => {
  it('drops credentials from a remote URL, and leaves others alone', () => {
    expect(
      redactRemote('https://oauth2:s3cret@git.acme.example/sre/runbooks.git'),
    ).toBe('https://git.acme.example/sre/runbooks.git');
    expect(redactRemote('https://git.acme.example/sre/runbooks.git')).toBe(
      'https://git.acme.example/sre/runbooks.git',
    );
    expect(redactRemote('git@git.acme.example:sre/runbooks.git')).toBe(
      'git@git.acme.example:sre/runbooks.git',
    );
  });
});

describe('reading files from disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sources-'));
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(dir, `rb-${i}.yaml`), `# runbook ${i}\n`.repeat(50));
    }
    writeFileSync(join(dir, 'huge.yaml'), 'x'.repeat(3000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds each file in memory of its own size, not of the limit, and cuts a file over the limit one byte past it', async () => {
    const read = await new LocalFolderSource(dir, dir).read(undefined, {
      maxFiles: 100,
      maxFileBytes: 2048,
    });
    if (read.status !== 'read') throw new Error('not read');
    expect(read.files).toHaveLength(21);
    const huge = read.files.find(f => f.url === 'huge.yaml')!;
    expect((await huge.content()).length).toBe(2049);
    for (const f of read.files.filter(file => file !== huge)) {
      // 10,000 files each holding a buffer of the limit (512 KB by
      // default) took gigabytes.
      const i = Number(/rb-(\d+)/.exec(f.url)![1]);
      const content = await f.content();
      expect(content.toString()).toBe(`# runbook ${i}\n`.repeat(50));
      expect(content.buffer.byteLength).toBeLessThanOrEqual(content.length + 1);
    }
  });
});
