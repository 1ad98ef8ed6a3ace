/**
 * Pushes to Git, as Backstage's events system carries them: the GitHub and
 * GitLab webhook modules (`@backstage/plugin-events-backend-module-github`,
 * `-gitlab`) publish each push on `github.push` and `gitlab.push`, and any
 * module may publish the same shapes. A push to a repository that holds an
 * indexed runbook location re-reads that location at once; the scheduled
 * pass stays the safety net for a push that was never told.
 */

/** The topics a push arrives on. */
export const PUSH_TOPICS = ['github.push', 'gitlab.push'];

/** A push: where to, and which branch. */
export interface RepositoryPush {
  /** The repository's addresses: its web page and its clone URLs. */
  urls: string[];
  /** The branch pushed to (from `refs/heads/<branch>`); none for a tag. */
  branch?: string;
  /** The repository's default branch, when the event says it. */
  defaultBranch?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const strings = (...values: unknown[]): string[] =>
  values.filter((v): v is string => typeof v === 'string' && v.length > 0);

/**
 * What a push event says, or undefined for an event that is not a push to a
 * branch (a tag, a branch deleted, another event on the topic).
 */
export function parsePush(
  topic: string,
  payload: unknown,
): RepositoryPush | undefined {
  const body = obj(payload);
  const ref = typeof body.ref === 'string' ? body.ref : '';
  if (!ref.startsWith('refs/heads/')) return undefined;
  // A deleted branch has nothing to read.
  if (body.deleted === true || body.after === '0'.repeat(40)) return undefined;
  const branch = ref.slice('refs/heads/'.length);
  if (topic.startsWith('github')) {
    const repo = obj(body.repository);
    const urls = strings(
      repo.html_url,
      repo.clone_url,
      repo.ssh_url,
      repo.git_url,
      repo.url,
    );
    if (!urls.length) return undefined;
    const defaultBranch = strings(repo.default_branch, repo.master_branch)[0];
    return { urls, branch, defaultBranch };
  }
  if (topic.startsWith('gitlab')) {
    const project = obj(body.project);
    const repo = obj(body.repository);
    const urls = strings(
      project.web_url,
      project.git_http_url,
      project.git_ssh_url,
      project.http_url,
      project.ssh_url,
      repo.homepage,
      repo.git_http_url,
      repo.git_ssh_url,
    );
    if (!urls.length) return undefined;
    return {
      urls,
      branch,
      defaultBranch: strings(project.default_branch)[0],
    };
  }
  return undefined;
}

/**
 * A repository address made comparable: no scheme, credentials, `.git` or
 * trailing slash, and `git@host:path` written as `host/path`. The host is
 * lower-cased; the path is kept as written (paths are case-sensitive on some
 * hosts, and a wrong match only costs a read).
 */
export function repositoryKey(address: string): string {
  let value = address.trim();
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(value);
  if (scp) value = `${scp[1]}/${scp[2]}`;
  else {
    try {
      const url = new URL(value);
      value =
        url.protocol === 'file:'
          ? url.pathname
          : `${url.hostname.toLowerCase()}${url.port ? `:${url.port}` : ''}${
              url.pathname
            }`;
    } catch {
      // A bare path or host/path: as it is.
    }
  }
  return value
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** Whether a pushed branch is the one a location reads. */
function sameBranch(push: RepositoryPush, branch: string | undefined) {
  const wanted = branch ?? push.defaultBranch;
  return !wanted || !push.branch || wanted === push.branch;
}

/** Whether a push reaches a Git remote read at `branch` (or its default). */
export function pushReachesRemote(
  push: RepositoryPush,
  remote: string,
  branch: string | undefined,
): boolean {
  const key = repositoryKey(remote);
  return (
    push.urls.some(u => repositoryKey(u) === key) && sameBranch(push, branch)
  );
}

/**
 * Whether a push reaches a folder or file URL read through an integration
 * (`…/tree/<branch>/path`, `…/blob/<branch>/path`, GitLab's `…/-/tree/…`).
 * A URL whose branch cannot be told is reached by a push to any branch.
 */
export function pushReachesUrl(push: RepositoryPush, url: string): boolean {
  const target = repositoryKey(url);
  for (const address of push.urls) {
    const repo = repositoryKey(address);
    if (target !== repo && !target.startsWith(`${repo}/`)) continue;
    const rest = target.slice(repo.length);
    const branched = /^\/(?:-\/)?(?:tree|blob|src\/branch|src)\/(.+)$/.exec(
      rest,
    );
    if (!branched || !push.branch) return true;
    const after = branched[1];
    if (after === push.branch || after.startsWith(`${push.branch}/`)) {
      return true;
    }
  }
  return false;
}
