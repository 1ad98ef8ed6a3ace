import type { Entity } from '@backstage/catalog-model';

/**
 * Where an entity's runbooks and recovery plans live: a path relative to the
 * entity's own catalog-info.yaml (e.g. `./runbooks`), or an absolute URL of a
 * file or a folder in a Git repository — or several of them separated by
 * commas (`./runbooks, ./recovery`), each read as a location of its own.
 *
 * @public
 */
export const ANNOTATION_RUNBOOKS = 'reliability.io/runbooks';

/**
 * The folders or URLs a `reliability.io/runbooks` annotation names, in its
 * order, each once: entries are separated by commas or line breaks.
 *
 * @public
 */
export function runbookLocationEntries(value: string): string[] {
  const entries = value
    .split(/[,\n]/)
    .map(e => e.trim())
    .filter(Boolean);
  return [...new Set(entries)];
}

/**
 * Who else may name this entity in their runbooks and recovery plans: a
 * comma-separated list of entity refs (`resource:insights-postgres`; a bare
 * name is a component) whose `reliability.io/runbooks` location may list it
 * in `spec.entityRefs` or as a plan component's `entityRef`, or of groups
 * (`group:platform-team`) whose entities' locations may. Without it, a
 * location may name only its own entity and entities of the same owner.
 *
 * @public
 */
export const ANNOTATION_RUNBOOKS_FROM = 'reliability.io/runbooks-from';

/**
 * The service tier (e.g. `tier-1`), used to pick backup and response targets.
 *
 * @public
 */
export const ANNOTATION_TIER = 'reliability.io/tier';

/**
 * The recovery point objective of the entity's data, as a duration
 * (`15m`, `1h`, `24h`).
 *
 * @public
 */
export const ANNOTATION_RPO = 'reliability.io/rpo';

/**
 * The recovery time objective of the entity, as a duration (`30m`, `4h`).
 *
 * @public
 */
export const ANNOTATION_RTO = 'reliability.io/rto';

/**
 * Every annotation the reliability suite reads, in the order the portal shows
 * them.
 *
 * @public
 */
export const RELIABILITY_ANNOTATIONS = [
  ANNOTATION_RUNBOOKS,
  ANNOTATION_TIER,
  ANNOTATION_RPO,
  ANNOTATION_RTO,
] as const;

/**
 * The reliability annotations an entity carries, keyed by annotation name.
 *
 * @public
 */
export function getReliabilityAnnotations(
  entity: Entity,
): Record<string, string> {
  const annotations = entity.metadata.annotations ?? {};
  const found: Record<string, string> = {};
  for (const key of RELIABILITY_ANNOTATIONS) {
    const value = annotations[key];
    if (typeof value === 'string' && value.trim() !== '') {
      found[key] = value.trim();
    }
  }
  return found;
}

/**
 * Whether the entity says anything the reliability suite can show: the app's
 * `EntitySwitch` uses it to decide whether to offer the Reliability tab.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return Object.keys(getReliabilityAnnotations(entity)).length > 0;
}

/**
 * Whether the entity points at runbooks of its own: for the app's
 * `EntitySwitch`. (Entities that runbooks elsewhere name in their
 * `spec.entityRefs` have runbooks too; the Reliability tab lists them.)
 *
 * @public
 */
export function isRunbooksAvailable(entity: Entity): boolean {
  const value = entity.metadata.annotations?.[ANNOTATION_RUNBOOKS];
  return typeof value === 'string' && value.trim() !== '';
}
