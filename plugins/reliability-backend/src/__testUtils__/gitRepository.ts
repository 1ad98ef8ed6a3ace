import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs git in `cwd` as a test author. */
export function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();
}

/** A small valid runbook file. */
export const runbookFile = (
  name: string,
  title = name,
) => `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: ${name}
  title: ${title}
spec:
  severity: P3
  triggers:
    - alertName: ${name.replace(/-/g, '')}Alert
  steps:
    - run: echo ${name}
`;

/** A bare repository and a working copy that pushes to it. */
export function gitRepository(base: string) {
  const bare = join(base, 'central.git');
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const work = join(base, 'work');
  git(base, 'clone', '--quiet', bare, work);
  git(work, 'checkout', '--quiet', '-b', 'main');
  return {
    remote: `file://${bare}`,
    work,
    write(path: string, content: string) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    },
    remove(path: string) {
      git(work, 'rm', '--quiet', path);
    },
    move(from: string, to: string) {
      mkdirSync(dirname(join(work, to)), { recursive: true });
      git(work, 'mv', from, to);
    },
    commit(message: string) {
      git(work, 'add', '-A');
      git(work, 'commit', '--quiet', '-m', message);
      git(work, 'push', '--quiet', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    },
  };
}

/**
 * Git repositories in a folder of their own for a describe block, removed
 * after it: `repository(name)` makes one, `path(...)` names a place beside
 * them (a Git cache, say).
 */
export function temporaryRepositories(prefix: string) {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  return {
    repository(name: string) {
      mkdirSync(join(base, name), { recursive: true });
      return gitRepository(join(base, name));
    },
    path: (...parts: string[]) => join(base, ...parts),
  };
}
