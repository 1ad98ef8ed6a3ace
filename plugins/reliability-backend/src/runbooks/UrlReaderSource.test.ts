import { createHash } from 'node:crypto';
import {
  coreServices,
  createBackendPlugin,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UrlReaderSource } from './sources';

// UrlReaderSource against Backstage's own URL readers, as the backend builds
// them from configuration: a Gitea integration (a folder is read as the
// repository's archive, its ETag the branch's last commit) and the plain
// fetch reader (`backend.reading.allow`, a single file with its ETag). A
// local server plays the Git host.

const limits = { maxFiles: 100, maxFileBytes: 4096 };

describe('UrlReaderSource', () => {
  let dir: string;
  let server: Server;
  let port: number;
  let reader: UrlReaderService;
  let sha = 'c0ffee1';
  let hostDown = false;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'url-reader-source-'));
    // The archive's top folder, as Gitea names it; the runbooks in a folder
    // of the repository, beside files that are not runbooks.
    const repo = join(dir, 'runbooks');
    mkdirSync(join(repo, 'ops/database'), { recursive: true });
    mkdirSync(join(repo, 'src'), { recursive: true });
    writeFileSync(join(repo, 'ops/checkout.yaml'), 'name: checkout\n');
    writeFileSync(join(repo, 'ops/api-latency.md'), '# API latency\n');
    writeFileSync(join(repo, 'ops/database/failover.yml'), 'name: failover\n');
    writeFileSync(join(repo, 'ops/database/huge.yaml'), 'x'.repeat(10_000));
    writeFileSync(join(repo, 'ops/README.txt'), 'not a runbook');
    writeFileSync(join(repo, 'ops/restore.sh'), '#!/bin/sh\n');
    writeFileSync(join(repo, 'src/app.yaml'), 'outside the folder named');
    execFileSync('tar', [
      '-czf',
      join(dir, 'main.tar.gz'),
      '-C',
      dir,
      'runbooks',
    ]);

    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const url = new URL(req.url!, 'http://localhost');
      if (hostDown) {
        res.writeHead(503).end('down for maintenance');
      } else if (
        url.pathname === '/api/v1/repos/sre/runbooks/git/commits/main'
      ) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ sha }));
      } else if (
        url.pathname === '/api/v1/repos/sre/runbooks/archive/main.tar.gz'
      ) {
        res.writeHead(200, { 'Content-Type': 'application/gzip' });
        res.end(readFileSync(join(dir, 'main.tar.gz')));
      } else if (url.pathname === '/files/payments.yaml') {
        const etag = '"payments-v1"';
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304).end();
        } else {
          res.writeHead(200, { ETag: etag, 'Content-Type': 'text/yaml' });
          res.end('name: payments\n');
        }
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;

    await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitea: [
                {
                  host: `127.0.0.1:${port}`,
                  baseUrl: `http://127.0.0.1:${port}`,
                },
              ],
            },
            backend: { reading: { allow: [{ host: `localhost:${port}` }] } },
          },
        }),
        createBackendPlugin({
          pluginId: 'capture',
          register(env) {
            env.registerInit({
              deps: { urlReader: coreServices.urlReader },
              async init({ urlReader }) {
                reader = urlReader;
              },
            });
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await new Promise(done => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    requests.length = 0;
    hostDown = false;
  });

  const folder = () =>
    `http://127.0.0.1:${port}/sre/runbooks/src/branch/main/ops`;

  it("reads a folder's runbook files in order, named by their URL, and nothing else", async () => {
    const read = await new UrlReaderSource(reader, folder()).read(
      undefined,
      limits,
    );
    if (read.status !== 'read') throw new Error(`not read: ${read.status}`);
    expect(read.files.map(f => f.url)).toEqual([
      `${folder()}/api-latency.md`,
      `${folder()}/checkout.yaml`,
      `${folder()}/database/failover.yml`,
      `${folder()}/database/huge.yaml`,
    ]);
    expect((await read.files[1].content()).toString()).toBe('name: checkout\n');
    // Each file named by a digest of its bytes, for the next pass to compare.
    expect(read.files[1].hash).toBe(
      createHash('sha1').update('name: checkout\n').digest('hex'),
    );
    // A file over the limit is cut one byte past it, for the parser to say so.
    expect(await read.files[3].content()).toHaveLength(limits.maxFileBytes + 1);
    expect(read.skipped).toBe(0);
    expect(read.etag).toBe(sha);
  });

  it('is unchanged while the branch has no new commit, and reads again when it has', async () => {
    const source = new UrlReaderSource(reader, folder());
    expect(await source.read(sha, limits)).toEqual({ status: 'unchanged' });
    // One request: the branch's last commit; the archive is not fetched.
    expect(requests).toEqual([
      'GET /api/v1/repos/sre/runbooks/git/commits/main',
    ]);

    sha = 'd00d2';
    const read = await source.read('c0ffee1', limits);
    expect(read).toMatchObject({ status: 'read', etag: 'd00d2' });
  });

  it('reads at most maxFiles files and says how many it left', async () => {
    const read = await new UrlReaderSource(reader, folder()).read(undefined, {
      ...limits,
      maxFiles: 3,
    });
    if (read.status !== 'read') throw new Error('not read');
    expect(read.files.map(f => f.url.slice(folder().length))).toEqual([
      '/api-latency.md',
      '/checkout.yaml',
      '/database/failover.yml',
    ]);
    expect(read.skipped).toBe(1);
  });

  it("fails with the host's answer when the Git host is down (the indexer then keeps its last good copy)", async () => {
    hostDown = true;
    await expect(
      new UrlReaderSource(reader, folder()).read(undefined, limits),
    ).rejects.toThrow(/503/);
  });

  it('reads a single file through the fetch reader, with its ETag', async () => {
    const url = `http://localhost:${port}/files/payments.yaml`;
    const source = new UrlReaderSource(reader, url);
    const read = await source.read(undefined, limits);
    expect(read).toEqual({
      status: 'read',
      files: [
        {
          url,
          hash: createHash('sha1').update('name: payments\n').digest('hex'),
          content: expect.any(Function),
        },
      ],
      skipped: 0,
      etag: '"payments-v1"',
    });
    if (read.status !== 'read') throw new Error('not read');
    expect((await read.files[0].content()).toString()).toBe('name: payments\n');
    expect(await source.read('"payments-v1"', limits)).toEqual({
      status: 'unchanged',
    });
  });

  it('refuses a host that no integration and no reading rule allows', async () => {
    await expect(
      new UrlReaderSource(reader, 'http://192.0.2.1/runbooks.yaml').read(
        undefined,
        limits,
      ),
    ).rejects.toThrow(/not allowed|Reading from .* is not allowed/i);
  });
});
