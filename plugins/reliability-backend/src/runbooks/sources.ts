import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { isRunbookFileName } from '@reliability-suite/plugin-reliability-common';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

/** One runbook file of a source, its bytes read when asked. */
export interface SourceFile {
  /** How problems and "edit in Git" name it: a URL, or a path. */
  url: string;
  /**
   * What the file holds, in short: its Git blob id, or a digest of its
   * bytes. A file with the hash it had at the last pass is not read again.
   */
  hash: string;
  content(): Promise<Buffer>;
}

/** A file whose bytes are at hand, named by their digest. */
function heldFile(url: string, content: Buffer): SourceFile {
  return {
    url,
    hash: createHash('sha1').update(content).digest('hex'),
    content: async () => content,
  };
}

/** What reading a source gives. */
export type SourceReadResult =
  | { status: 'unchanged' }
  | {
      status: 'read';
      files: SourceFile[];
      /**
       * Runbook files beyond the limit, left unread (at least this many:
       * folders are listed only one file past the limit).
       */
      skipped: number;
      etag?: string;
      revision?: string;
    };

export interface SourceLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** A place runbooks are read from. */
export interface RunbookSource {
  /**
   * `etag` is what the last successful read returned; `signal` ends the read
   * (the scheduled pass it belongs to ran out of time).
   */
  read(
    etag: string | undefined,
    limits: SourceLimits,
    signal?: AbortSignal,
  ): Promise<SourceReadResult>;
}

const SINGLE_FILE = /\.(ya?ml|md)$/i;

/**
 * A folder or file behind one of Backstage's integrations (GitHub, GitLab,
 * Bitbucket, Azure DevOps, Gitea, Gerrit, …), read through the UrlReader with
 * the ETag of the last read, so an unchanged repository costs one request.
 */
export class UrlReaderSource implements RunbookSource {
  constructor(
    private readonly reader: UrlReaderService,
    private readonly url: string,
  ) {}

  async read(
    etag: string | undefined,
    limits: SourceLimits,
    signal?: AbortSignal,
  ): Promise<SourceReadResult> {
    try {
      if (SINGLE_FILE.test(new URL(this.url).pathname)) {
        const response = await this.reader.readUrl(this.url, { etag, signal });
        const content = await response.buffer();
        return {
          status: 'read',
          files: [heldFile(this.url, capped(content, limits))],
          skipped: 0,
          etag: response.etag,
        };
      }
      const tree = await this.reader.readTree(this.url, {
        etag,
        signal,
        filter: path => isRunbookFileName(path),
      });
      const entries = (await tree.files())
        .filter(f => isRunbookFileName(f.path))
        .sort((a, b) => a.path.localeCompare(b.path));
      const base = this.url.endsWith('/') ? this.url : `${this.url}/`;
      const files: SourceFile[] = [];
      for (const entry of entries.slice(0, limits.maxFiles)) {
        files.push(
          heldFile(
            new URL(entry.path, base).toString(),
            capped(await entry.content(), limits),
          ),
        );
      }
      return {
        status: 'read',
        files,
        skipped: Math.max(0, entries.length - limits.maxFiles),
        etag: tree.etag,
      };
    } catch (error) {
      if (
        error instanceof NotModifiedError ||
        (error as Error)?.name === 'NotModifiedError'
      ) {
        return { status: 'unchanged' };
      }
      throw error;
    }
  }
}

/**
 * A folder on this machine: for entities the catalog read from `file`
 * locations (the demo, local development). Only paths inside the catalog
 * file's own folder are read.
 */
export class LocalFolderSource implements RunbookSource {
  /**
   * @param root - the catalog file's folder; nothing outside it is read
   * @param target - the folder or file to read, inside `root`
   * @param display - how the target is named in errors (the annotation's own
   *   value): a path of the server's disk is never shown to callers
   */
  constructor(
    private readonly root: string,
    private readonly target: string,
    private readonly display: string = target,
  ) {}

  async read(
    etag: string | undefined,
    limits: SourceLimits,
  ): Promise<SourceReadResult> {
    try {
      return await this.readFolder(etag, limits);
    } catch (error) {
      // File system errors name the server's paths: say what failed in the
      // annotation's own terms instead.
      if ((error as { displayed?: boolean }).displayed) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        `${this.display} could not be read (${code ?? 'unreadable'})`,
      );
    }
  }

  private async readFolder(
    etag: string | undefined,
    limits: SourceLimits,
  ): Promise<SourceReadResult> {
    const fail = (message: string) =>
      Object.assign(new Error(message), { displayed: true });
    // Real paths: a symbolic link must not lead out of the folder either.
    const root = await fs.realpath(resolve(this.root));
    const target = await fs.realpath(resolve(this.target)).catch(() => {
      throw fail(`${this.display} does not exist`);
    });
    if (target !== root && !target.startsWith(root + sep)) {
      throw fail(
        `${this.display} is outside the folder of the entity's catalog file`,
      );
    }
    const stat = await fs.stat(target);
    const paths = stat.isDirectory()
      ? await listFiles(target, limits.maxFiles + 1)
      : [target];
    const runbookPaths = paths.filter(p => isRunbookFileName(p)).sort();
    const hash = createHash('sha256');
    const files: SourceFile[] = [];
    for (const path of runbookPaths.slice(0, limits.maxFiles)) {
      const content = capped(
        await readCapped(path, limits.maxFileBytes),
        limits,
      );
      // Files are named by their path from the catalog file's folder, as in
      // the repository: never by where this server keeps them. The digest
      // covers the same names, so a folder indexed under other names is
      // read again.
      const name = relative(root, path).split(sep).join('/');
      hash.update(name).update('\0').update(content).update('\0');
      files.push(heldFile(name, content));
    }
    const digest = hash.digest('hex').slice(0, 40);
    if (digest === etag) return { status: 'unchanged' };
    return {
      status: 'read',
      files,
      skipped: Math.max(0, runbookPaths.length - limits.maxFiles),
      etag: digest,
    };
  }
}

const run = promisify(execFile);

/**
 * Any Git remote (https, ssh, git, file://), cloned shallowly with the git
 * CLI into a cache folder and fetched again on each read: for self-hosted
 * Git without a Backstage integration. Only remotes from app-config get here.
 */
export class GitSource implements RunbookSource {
  constructor(
    private readonly options: {
      remote: string;
      branch?: string;
      path?: string;
      cacheDirectory: string;
      timeoutMs?: number;
    },
  ) {}

  async read(
    etag: string | undefined,
    limits: SourceLimits,
    signal?: AbortSignal,
  ): Promise<SourceReadResult> {
    const { remote, branch, cacheDirectory } = this.options;
    const git = (cwd: string, args: string[]) => this.git(cwd, args, signal);
    const dir = join(
      cacheDirectory,
      createHash('sha256')
        .update(`${remote}#${branch ?? ''}`)
        .digest('hex')
        .slice(0, 16),
    );
    const exists = await fs
      .stat(join(dir, '.git'))
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(cacheDirectory, { recursive: true });
      await git(cacheDirectory, [
        'clone',
        '--depth=1',
        '--no-tags',
        ...(branch ? ['--branch', branch] : []),
        '--',
        remote,
        dir,
      ]);
    } else {
      await git(dir, [
        'fetch',
        '--depth=1',
        '--no-tags',
        '--',
        'origin',
        branch ?? 'HEAD',
      ]);
      await git(dir, ['reset', '--hard', '--quiet', 'FETCH_HEAD']);
    }
    const revision = (await git(dir, ['rev-parse', 'HEAD'])).trim();
    // The commit and the folder read: a change of either is a change.
    const tag = `${revision}:${this.options.path ?? ''}`;
    if (tag === etag) return { status: 'unchanged' };

    // Real paths: a symbolic link committed to the repository must not lead
    // out of it (links are checked out as plain files, and checked here).
    const realDir = await fs.realpath(dir);
    const root = await fs
      .realpath(this.options.path ? resolve(dir, this.options.path) : dir)
      .catch(() => {
        throw new Error(`path ${this.options.path} is not in the repository`);
      });
    if (root !== realDir && !root.startsWith(realDir + sep)) {
      throw new Error(`path ${this.options.path} is outside the repository`);
    }
    // The commit's files with their blob ids, from Git's own listing: a
    // file whose blob id is the one indexed is not read again. Links and
    // submodules are not files; hidden folders and node_modules are skipped
    // as in a folder.
    const base = relative(realDir, root).split(sep).join('/');
    const listing = await this.git(
      dir,
      [
        'ls-tree',
        '-r',
        '-z',
        '--full-tree',
        'HEAD',
        ...(base ? ['--', base] : []),
      ],
      signal,
      64 * 1024 * 1024,
    );
    const paths: { path: string; blob: string }[] = [];
    for (const record of listing.split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
      if (!match) continue;
      const [, mode, type, blob, path] = match;
      if (type !== 'blob' || mode === '120000') continue;
      const inside = base ? path.slice(base.length + 1) : path;
      if (base && !path.startsWith(`${base}/`)) continue;
      const segments = inside.split('/');
      if (segments.some(n => n.startsWith('.') || n === 'node_modules')) {
        continue;
      }
      if (isRunbookFileName(segments[segments.length - 1])) {
        paths.push({ path, blob });
      }
    }
    // By code point, as Git lists them.
    paths.sort((a, b) => Number(a.path > b.path) - Number(a.path < b.path));
    const files: SourceFile[] = paths
      .slice(0, limits.maxFiles)
      .map(({ path, blob }) => ({
        url: `${redactRemote(remote)}#${path}`,
        hash: blob,
        content: async () =>
          capped(
            await readCapped(join(realDir, path), limits.maxFileBytes),
            limits,
          ),
      }));
    return {
      status: 'read',
      files,
      skipped: Math.max(0, paths.length - limits.maxFiles),
      etag: tag,
      revision,
    };
  }

  private async git(
    cwd: string,
    args: string[],
    signal?: AbortSignal,
    maxBuffer = 1024 * 1024,
  ): Promise<string> {
    try {
      const { stdout } = await run(
        'git',
        [
          '-c',
          'protocol.ext.allow=never',
          '-c',
          'core.hooksPath=/dev/null',
          '-c',
          'core.symlinks=false',
          ...args,
        ],
        {
          cwd,
          signal,
          timeout: this.options.timeoutMs ?? 60_000,
          maxBuffer,
          env: {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GIT_ASKPASS: 'true',
            GIT_SSH_COMMAND:
              process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
          },
        },
      );
      return stdout;
    } catch (error) {
      const e = error as {
        stderr?: string;
        message: string;
        killed?: boolean;
      };
      // The pass ran out of time: not a fault of this location.
      if (signal?.aborted) throw signal.reason;
      if (e.killed) {
        // The server is unreachable in practice: too slow to wait for.
        throw new Error(
          `git ${args[0]} ${redactRemote(
            this.options.remote,
          )} timed out after ${Math.round(
            (this.options.timeoutMs ?? 60_000) / 1000,
          )} s`,
        );
      }
      const detail = (e.stderr || e.message).trim().split('\n').pop();
      throw new Error(
        `git ${args[0]} ${redactRemote(this.options.remote)} failed: ${detail
          ?.split(this.options.remote)
          .join(redactRemote(this.options.remote))}`,
      );
    }
  }
}

// A file over the limit is cut one byte past it, so the parser reports it as
// too large without the whole file ever being held.
function capped(content: Buffer, limits: SourceLimits): Buffer {
  return content.length > limits.maxFileBytes
    ? content.subarray(0, limits.maxFileBytes + 1)
    : content;
}

async function readCapped(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(path, 'r');
  try {
    // Sized to the file (one byte more shows a file that grew past the
    // limit): a buffer of the limit's size per file would be held by every
    // file read, gigabytes at 10,000 files.
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes) + 1;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// Files below a folder, skipping hidden ones and symbolic links, stopping at
// `max` runbook files so a huge tree costs bounded work.
async function listFiles(root: string, max: number): Promise<string[]> {
  const out: string[] = [];
  const queue = [root];
  while (queue.length > 0 && out.length < max) {
    const dir = queue.shift()!;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) queue.push(path);
      else if (entry.isFile() && isRunbookFileName(entry.name)) out.push(path);
      if (out.length >= max) break;
    }
  }
  return out;
}

/** A Git remote without the credentials it may carry, for showing. */
export function redactRemote(remote: string): string {
  try {
    const url = new URL(remote);
    if (url.username || url.password) {
      url.username = '';
      url.password = '';
      return url.toString();
    }
  } catch {
    // Not a URL (e.g. git@host:path): nothing to redact.
  }
  return remote;
}
