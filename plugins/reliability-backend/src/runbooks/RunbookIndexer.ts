import type {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  type Entity,
  getEntitySourceLocation,
  parseLocationRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  ANNOTATION_RUNBOOKS,
  DEFAULT_RUNBOOK_PARSE_LIMITS,
  runbookLocationEntries,
  parseRunbookFolderInSlices,
  type AlertRule,
  type RunbookProblem,
} from '@reliability-suite/plugin-reliability-common';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type {
  IndexedRunbook,
  RunbookLocation,
  RunbookStore,
} from './RunbookStore';
import type { AlertRuleRunner } from '../alerts/AlertRuleRunner';
import {
  pushReachesRemote,
  pushReachesUrl,
  type RepositoryPush,
} from './pushEvents';
import { applyVerdicts, namedRefs, SpeakFor, verdictsKey } from './speakFor';
import {
  GitSource,
  LocalFolderSource,
  type RunbookSource,
  type SourceFile,
  type SourceLimits,
  redactRemote,
  UrlReaderSource,
} from './sources';

/** How many folders or URLs one entity's annotation may name. */
const MAX_ENTITY_LOCATIONS = 10;

/**
 * The index's format: a location stored by another format is read whole at
 * the next pass instead of file by file. Raise it when what is stored of a
 * file changes.
 */
const INDEX_FORMAT = 2;

/** Why a pass reads a location whole instead of only its changed files. */
export type FullReadReason =
  | 'asked'
  | 'first read'
  | 'format'
  | 'catalog changed';

/** A location with the source to read it from, or why it cannot be read. */
type ResolvedLocation = RunbookLocation & {
  defaultEntityRef?: string | string[];
  /** What is read: the same for entities whose annotations name one folder. */
  sourceKey?: string;
  /** Whether a push to Git changes what it reads. */
  pushed?: (push: RepositoryPush) => boolean;
} & ({ source_: RunbookSource } | { invalid: string });

/**
 * Entities whose annotations point at the same folder share one location:
 * its files are read once, under the first entity (by ref), and runbooks
 * and plans that name no entity serve all of them — instead of every name
 * in the folder being a duplicate for the second entity.
 */
function shareFolders(locations: ResolvedLocation[]): ResolvedLocation[] {
  const byKey = new Map<string, ResolvedLocation[]>();
  const alone: ResolvedLocation[] = [];
  for (const location of locations) {
    if (!location.sourceKey) {
      alone.push(location);
      continue;
    }
    const group = byKey.get(location.sourceKey) ?? [];
    group.push(location);
    byKey.set(location.sourceKey, group);
  }
  const shared = [...byKey.values()].map(group => {
    if (group.length === 1) return group[0];
    const sorted = [...group].sort((a, b) =>
      a.entityRef!.localeCompare(b.entityRef!),
    );
    return {
      ...sorted[0],
      defaultEntityRef: sorted.map(l => l.entityRef!),
    };
  });
  return [...shared, ...alone];
}

export interface RunbookIndexerOptions {
  store: RunbookStore;
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  logger: LoggerService;
  config: Config;
  /** The configured severity ids a runbook may name. */
  severities: string[];
  /** Where the alerting rules of rule files beside the runbooks go. */
  alertRules?: Pick<AlertRuleRunner, 'recordFolder' | 'keepFolders'>;
}

/**
 * Reads runbooks from where entities and app-config say they are, validates
 * them, and stores each location's result atomically. A location that cannot
 * be read keeps what it held, with the error recorded.
 */
export class RunbookIndexer {
  private readonly limits: SourceLimits;
  private readonly gitCacheDirectory: string;
  private readonly configLocations: ResolvedLocation[];
  private readonly speakFor: SpeakFor;

  constructor(private readonly options: RunbookIndexerOptions) {
    const { config } = options;
    this.speakFor = new SpeakFor(options);
    this.limits = {
      maxFiles:
        config.getOptionalNumber('reliability.runbooks.limits.maxFiles') ?? 500,
      maxFileBytes:
        config.getOptionalNumber('reliability.runbooks.limits.maxFileBytes') ??
        DEFAULT_RUNBOOK_PARSE_LIMITS.maxFileBytes,
    };
    this.gitCacheDirectory = resolve(
      config.getOptionalString('reliability.runbooks.gitCacheDirectory') ??
        resolve(tmpdir(), 'backstage-reliability-git'),
    );
    this.configLocations = (
      config.getOptionalConfigArray('reliability.runbooks.locations') ?? []
    ).map(c => this.configLocation(c));
  }

  /**
   * Indexes every entity with the runbooks annotation and every configured
   * location. `signal` is the scheduler's: when the pass outlives its
   * timeout it stops between locations (and ends the read under way), so
   * that the pass another instance starts once the scheduler frees the task
   * never runs beside this one. What it did not reach keeps its last copy.
   */
  async indexAll(
    options: { signal?: AbortSignal; full?: boolean } = {},
  ): Promise<void> {
    const { store, logger } = this.options;
    const { signal } = options;
    const started = Date.now();
    logger.info('Runbook index pass started');
    const entityLocations = await this.entityLocations();
    const locations = [...entityLocations, ...this.configLocations];
    // Locations that are gone first: runbooks moved from a folder the
    // annotation no longer names into one it still does are then no
    // duplicates of their old copies.
    const prunedEntities = await store.pruneLocations(
      'entity',
      entityLocations.map(l => l.id),
    );
    const prunedConfig = await store.pruneLocations(
      'config',
      this.configLocations.map(l => l.id),
    );
    const pruned = prunedEntities + prunedConfig;
    await this.options.alertRules?.keepFolders(locations.map(l => l.id));
    for (const [done, location] of locations.entries()) {
      if (signal?.aborted) {
        logger.warn(
          `Runbook index pass stopped at its timeout after ${done} of ${
            locations.length
          } locations, in ${
            Date.now() - started
          } ms; the others keep their last good copy`,
        );
        return;
      }
      // One location that fails in an unforeseen way must not stop the
      // others: record it on the location and go on.
      try {
        await this.indexLocation(location, { signal, full: options.full });
      } catch (error) {
        if (signal?.aborted) continue;
        const message = error instanceof Error ? error.message : String(error);
        logger.error(
          `Indexing runbooks at ${location.target} failed: ${message}`,
        );
        const { id, source, target, entityRef } = location;
        await store
          .recordFailure({ id, source, target, entityRef }, message, new Date())
          .catch(() => {});
        await this.folderRules(location, { error: message }, new Date()).catch(
          () => {},
        );
      }
    }
    const forgot =
      pruned > 0 ? `; forgot ${pruned} locations that are gone` : '';
    logger.info(
      `Indexed runbooks of ${entityLocations.length} entities and ${
        this.configLocations.length
      } configured locations in ${Date.now() - started} ms${forgot}`,
    );
  }

  // Every annotated entity's location, those naming one folder shared.
  private async entityLocations(): Promise<ResolvedLocation[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_RUNBOOKS}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    return shareFolders(items.flatMap(e => this.locationsOfEntity(e)));
  }

  /**
   * Re-indexes the runbooks one entity's annotation points at, now: the
   * files that changed, or (`full`) every file.
   */
  async indexEntity(
    entityRef: string,
    options: { full?: boolean } = {},
  ): Promise<void> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (!entity.metadata.annotations?.[ANNOTATION_RUNBOOKS]) {
      throw new NotFoundError(
        `${entityRef} has no ${ANNOTATION_RUNBOOKS} annotation`,
      );
    }
    const own = this.locationsOfEntity(entity);
    // A folder may be shared with other entities: index it as they do.
    const all = own.some(l => l.sourceKey) ? await this.entityLocations() : [];
    for (const location of own) {
      const shared = location.sourceKey
        ? all.find(l => l.sourceKey === location.sourceKey)
        : undefined;
      await this.indexLocation(shared ?? location, options);
    }
  }

  // One read of a location at a time in this instance: a push and the
  // schedule asking at once read it one after the other.
  private readonly reading = new Map<string, Promise<unknown>>();

  /**
   * Re-reads, now, the locations a push to Git reaches (the changed files
   * of each), and says which they were.
   */
  async indexPushed(push: RepositoryPush): Promise<string[]> {
    // The catalog down does not keep a push from the configured locations.
    const entityLocations = await this.entityLocations().catch(error => {
      this.options.logger.warn(
        `Could not list the entities with runbooks for a push: ${
          (error as Error).message
        }`,
      );
      return [];
    });
    const all = [...entityLocations, ...this.configLocations];
    const reached = all.filter(l => l.pushed?.(push));
    for (const location of reached) {
      try {
        await this.indexLocation(location);
      } catch (error) {
        this.options.logger.error(
          `Indexing runbooks at ${location.target} after a push failed: ${
            (error as Error).message
          }`,
        );
      }
    }
    return reached.map(l => l.id);
  }

  private async indexLocation(
    location: ResolvedLocation,
    options: { signal?: AbortSignal; full?: boolean } = {},
  ): Promise<void> {
    const before = this.reading.get(location.id) ?? Promise.resolve();
    const next = before
      .catch(() => {})
      .then(() => this.readLocation(location, options));
    this.reading.set(location.id, next);
    try {
      await next;
    } finally {
      if (this.reading.get(location.id) === next) {
        this.reading.delete(location.id);
      }
    }
  }

  private async readLocation(
    location: ResolvedLocation,
    options: { signal?: AbortSignal; full?: boolean },
  ): Promise<void> {
    const { store, logger } = this.options;
    const { signal } = options;
    const at = new Date();
    const { id, source, target, entityRef } = location;
    const plain: RunbookLocation = { id, source, target, entityRef };
    if ('invalid' in location) {
      await store.replaceLocation(plain, {
        runbooks: [],
        problems: [
          {
            severity: 'error',
            file: target,
            line: 0,
            column: 0,
            message: location.invalid,
          },
        ],
        failedFiles: [],
        at,
      });
      await this.folderRules(location, { error: location.invalid }, at);
      return;
    }

    // A location read for entities speaks for them (and what they may
    // name); one from app-config is the operator's.
    const speakers =
      location.source === 'entity'
        ? [location.defaultEntityRef ?? []].flat()
        : [];
    const signature = this.readSignature(location);
    let read;
    let fullRead: FullReadReason | undefined;
    let stored;
    try {
      stored = await store.getLocation(id);
      if (options.full) fullRead = 'asked';
      else if (!stored?.etag) fullRead = 'first read';
      else if (stored.readSignature !== signature) fullRead = 'format';
      else if (!(await this.stillJudged(stored, speakers))) {
        fullRead = 'catalog changed';
      }
      read = await location.source_.read(
        fullRead ? undefined : stored?.etag,
        this.limits,
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(`Could not read runbooks at ${target}: ${message}`);
      await store.recordFailure(plain, message, at);
      await this.folderRules(location, { error: message }, at);
      return;
    }
    if (read.status === 'unchanged') {
      await store.recordUnchanged(plain, at);
      await this.folderRules(location, { unchanged: true }, at);
      return;
    }

    // The files to read again: all of them, or those whose hash differs
    // from the last read's, with those gone since and those whose runbook
    // lost a duplicate name to another file (which may be gone now).
    let toRead: SourceFile[] = read.files;
    let scope: string[] | undefined;
    if (!fullRead) {
      const hashes = await store.fileHashes(id);
      const again = new Set(
        (await store.listProblems({ locationIds: [id] }))
          .filter(p => /^duplicate /.test(p.message))
          .map(p => p.file),
      );
      toRead = read.files.filter(
        f => hashes.get(f.url) !== f.hash || again.has(f.url),
      );
      const listed = new Set(read.files.map(f => f.url));
      const gone = [...hashes.keys()].filter(f => !listed.has(f));
      // The location's own problems (too many files) are named by its target.
      scope = [...new Set([...toRead.map(f => f.url), ...gone, target])];
    }

    const runbooks: IndexedRunbook[] = [];
    const problems: RunbookProblem[] = [];
    const failedFiles: string[] = [];
    if (read.skipped > 0) {
      problems.push({
        severity: 'error',
        file: target,
        line: 0,
        column: 0,
        message: `more than ${this.limits.maxFiles} runbook files: only the first ${this.limits.maxFiles} (by path) were read`,
      });
    }
    const contents = [];
    for (const f of toRead) {
      contents.push({ file: f.url, bytes: await f.content() });
    }
    const parsed = await parseRunbookFolderInSlices(contents, {
      severities: this.options.severities,
      defaultEntityRef: location.defaultEntityRef,
      maxFileBytes: this.limits.maxFileBytes,
      signal,
    });
    problems.push(...parsed.problems);
    failedFiles.push(...parsed.failedFiles);
    for (const r of parsed.runbooks) {
      runbooks.push({
        document: r.document,
        sourceUrl: r.file,
        sourceLine: r.line,
      });
    }
    const recoveryPlans = parsed.recoveryPlans.map(p => ({
      document: p.document,
      sourceUrl: p.file,
      sourceLine: p.line,
    }));
    const verdicts = await this.speakFor.judge(
      speakers,
      namedRefs(runbooks, recoveryPlans),
    );
    const judged = applyVerdicts(verdicts, runbooks, recoveryPlans, speakers);
    problems.push(...judged.problems);

    const { problems: storedProblems } = await store.replaceLocation(plain, {
      runbooks: judged.runbooks,
      recoveryPlans: judged.plans,
      problems,
      failedFiles,
      etag: read.etag,
      revision: read.revision,
      at,
      // A read of some files adds its verdicts to those of the others.
      verdicts: scope
        ? mergeVerdicts(stored?.verdicts, verdictsKey(verdicts))
        : verdictsKey(verdicts),
      files: scope,
      fileHashes: Object.fromEntries(toRead.map(f => [f.url, f.hash])),
      readSignature: signature,
    });
    await this.folderRules(
      location,
      {
        rules: parsed.alertRules,
        failedFiles: parsed.failedFiles,
        files: scope,
      },
      at,
    );
    const errors = storedProblems.filter(p => p.severity === 'error').length;
    const errorNote = errors ? ` with ${errors} error(s)` : '';
    const how = scope
      ? `${toRead.length} of ${read.files.length} file(s) changed`
      : `all ${read.files.length} file(s) read: ${fullRead}`;
    logger.info(
      `Indexed ${runbooks.length} runbook(s) and ${recoveryPlans.length} recovery plan(s) from ${target} (${how})${errorNote}`,
    );
  }

  // What the files of a location are read against: a change of any reads
  // every file again.
  private readSignature(location: ResolvedLocation): string {
    return createHash('sha256')
      .update(
        JSON.stringify([
          INDEX_FORMAT,
          [location.defaultEntityRef ?? []].flat(),
          [...this.options.severities].sort(),
          this.limits.maxFileBytes,
        ]),
      )
      .digest('hex')
      .slice(0, 40);
  }

  // The alerting rules of the location's rule files, or why it was not read.
  private async folderRules(
    location: ResolvedLocation,
    read: {
      rules?: AlertRule[];
      failedFiles?: string[];
      error?: string;
      unchanged?: boolean;
      files?: string[];
    },
    at: Date,
  ) {
    await this.options.alertRules?.recordFolder(
      {
        id: location.id,
        target: location.target,
        entityRef: location.entityRef,
        entityRefs: [location.defaultEntityRef ?? []].flat(),
      },
      {
        rules: read.rules ?? [],
        failedFiles: read.failedFiles ?? [],
        error: read.error,
        unchanged: read.unchanged,
        files: read.files,
      },
      at,
    );
  }

  // Whether what the location's documents name is judged as when they were
  // read: a change in the catalog (an owner, a reliability.io/runbooks-from
  // annotation) reads the files anew. A copy read before the rule existed is
  // read anew once.
  private async stillJudged(
    stored: { verdicts?: string },
    speakers: string[],
  ): Promise<boolean> {
    if (stored.verdicts === undefined) return false;
    const before: [string, string][] = JSON.parse(stored.verdicts);
    let now;
    try {
      now = verdictsKey(
        await this.speakFor.judge(
          speakers,
          before.map(([ref]) => ref),
        ),
      );
    } catch (error) {
      // The catalog cannot say now: the files decide, as before.
      this.options.logger.warn(
        `Could not check what ${
          speakers.join(', ') || 'a location'
        } may name: ${(error as Error).message}`,
      );
      return true;
    }
    return now === stored.verdicts;
  }

  // Each folder or URL the annotation names is a location of its own: the
  // first keeps the id an entity with one location has always had.
  private locationsOfEntity(entity: Entity): ResolvedLocation[] {
    const entityRef = entityKey(entity);
    const value = entity.metadata.annotations![ANNOTATION_RUNBOOKS];
    const entries = runbookLocationEntries(value);
    if (entries.length > MAX_ENTITY_LOCATIONS) {
      return [
        {
          id: `entity:${entityRef}`,
          source: 'entity',
          entityRef,
          defaultEntityRef: entityRef,
          target: value.trim(),
          invalid: `${ANNOTATION_RUNBOOKS}: names ${entries.length} locations; at most ${MAX_ENTITY_LOCATIONS} are read`,
        },
      ];
    }
    return entries.map((entry, i) =>
      this.entityLocation(
        entity,
        entityRef,
        entry,
        i === 0 ? `entity:${entityRef}` : `entity:${entityRef}:${entry}`,
      ),
    );
  }

  private entityLocation(
    entity: Entity,
    entityRef: string,
    value: string,
    id: string,
  ): ResolvedLocation {
    const base = {
      id,
      source: 'entity' as const,
      entityRef,
      defaultEntityRef: entityRef,
    };
    const invalid = (message: string): ResolvedLocation => ({
      ...base,
      target: value,
      invalid: `${ANNOTATION_RUNBOOKS}: ${message}`,
    });

    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      if (!/^https?:\/\//i.test(value)) {
        return invalid(`${value} is not an http(s) URL or a relative path`);
      }
      return {
        ...base,
        target: value,
        sourceKey: value,
        source_: new UrlReaderSource(this.options.urlReader, value),
        pushed: push => pushReachesUrl(push, value),
      };
    }

    // A relative path: next to the entity's own catalog file.
    const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    let origin;
    try {
      origin = managedBy ? parseLocationRef(managedBy) : undefined;
    } catch {
      origin = undefined;
    }
    if (origin?.type === 'file') {
      // Only the catalog sets this annotation, from locations in app-config:
      // never a path an entity's author chose.
      const folder = dirname(origin.target);
      return {
        ...base,
        target: value,
        sourceKey: `file:${resolve(folder, value)}`,
        source_: new LocalFolderSource(folder, resolve(folder, value), value),
      };
    }
    const sourceLocation = (() => {
      try {
        return getEntitySourceLocation(entity);
      } catch {
        return undefined;
      }
    })();
    if (!sourceLocation || sourceLocation.type !== 'url') {
      return invalid(
        `a relative path needs the entity to come from a URL location; use an absolute URL`,
      );
    }
    const url = this.options.integrations.resolveUrl({
      url: value,
      base: sourceLocation.target,
    });
    if (!/^https?:\/\//i.test(url)) {
      return invalid(
        `${value} resolves to ${url}, which is not an http(s) URL`,
      );
    }
    return {
      ...base,
      target: url,
      sourceKey: url,
      source_: new UrlReaderSource(this.options.urlReader, url),
      pushed: push => pushReachesUrl(push, url),
    };
  }

  private configLocation(c: Config): ResolvedLocation {
    const type = c.getString('type');
    const remote = c.getString('target');
    // Shown in the API and the portal: never the credentials a remote may carry.
    const target = redactRemote(remote);
    const branch = c.getOptionalString('branch');
    const path = c.getOptionalString('path');
    const id = `config:${type}:${target}${branch ? `#${branch}` : ''}${
      path ? `:${path}` : ''
    }`;
    const base = { id, source: 'config' as const, target };
    if (type === 'git') {
      return {
        ...base,
        pushed: push => pushReachesRemote(push, remote, branch),
        source_: new GitSource({
          remote,
          branch: c.getOptionalString('branch'),
          path: c.getOptionalString('path'),
          cacheDirectory: this.gitCacheDirectory,
          timeoutMs:
            (this.options.config.getOptionalNumber(
              'reliability.runbooks.gitTimeoutSeconds',
            ) ?? 60) * 1000,
        }),
      };
    }
    if (type === 'url') {
      return {
        ...base,
        pushed: push => pushReachesUrl(push, remote),
        source_: new UrlReaderSource(this.options.urlReader, remote),
      };
    }
    return {
      ...base,
      invalid: `reliability.runbooks.locations: type must be url or git, not ${type}`,
    };
  }
}

// The verdicts of a read of some files, beside those stored for the others.
function mergeVerdicts(stored: string | undefined, read: string): string {
  const merged = new Map<string, string>(stored ? JSON.parse(stored) : []);
  for (const [ref, verdict] of JSON.parse(read) as [string, string][]) {
    merged.set(ref, verdict);
  }
  return JSON.stringify(
    [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)),
  );
}
