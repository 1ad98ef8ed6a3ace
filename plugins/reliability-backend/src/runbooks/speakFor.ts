import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  ANNOTATION_RUNBOOKS_FROM,
  normaliseEntityRef,
  type RecoveryPlanDocument,
  type RunbookProblem,
} from '@reliability-suite/plugin-reliability-common';
import { specRefOf } from '../entities/linkedOwners';
import { planEntityRefs } from '../recovery/recoveryPlanIndex';

/**
 * What the catalog says of an entity a location's documents name:
 * `allowed` (its own entity, the same owner, listed back, or allowed in
 * app-config), `refused` (another owner's, not listed back) or `unknown`
 * (not in the catalog: nobody else's yet, so named with a warning).
 */
export type Verdict = 'allowed' | 'refused' | 'unknown';

/** A verdict, with the named entity's owner (to say why). */
export interface Judgement {
  verdict: Verdict;
  owner?: string;
}

/** A document read from a location, with where it was read. */
interface Placed<D> {
  document: D;
  sourceUrl: string;
  sourceLine: number;
}

type RunbookLike = {
  metadata: { name: string };
  spec: { entityRefs?: string[] };
};

/**
 * Which entities a runbook location may speak for. A location read for an
 * entity's `reliability.io/runbooks` annotation (its "speakers": the
 * entities whose annotations name the folder) may name in its runbooks'
 * and plans' `spec.entityRefs` and plan components' `entityRef`:
 *
 * - the speakers themselves;
 * - entities owned by a speaker's owner;
 * - entities that list a speaker, or a speaker's owner, in their
 *   `reliability.io/runbooks-from` annotation;
 * - entities `reliability.runbooks.mayName` in app-config allows the
 *   speaker to name.
 *
 * A location from app-config (`reliability.runbooks.locations`) is the
 * operator's and may name any entity. Entities are read with the plugin's
 * own credentials: the rule is about who owns what, not about who reads.
 */
export class SpeakFor {
  private readonly allowList = new Map<string, Set<string>>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      config: Config;
    },
  ) {
    for (const entry of options.config.getOptionalConfigArray(
      'reliability.runbooks.mayName',
    ) ?? []) {
      const from = normaliseEntityRef(entry.getString('from'));
      const refs = this.allowList.get(from) ?? new Set<string>();
      for (const ref of entry.getStringArray('entityRefs')) {
        refs.add(normaliseEntityRef(ref));
      }
      this.allowList.set(from, refs);
    }
  }

  /**
   * The verdict on each named entity, for a location of these speakers;
   * `speakers` empty (a configured location) allows what the catalog knows.
   */
  async judge(
    speakers: string[],
    named: string[],
  ): Promise<Map<string, Judgement>> {
    const verdicts = new Map<string, Judgement>();
    const refs = [...new Set([...speakers, ...named])];
    if (named.length === 0) return verdicts;
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    const byRef = new Map<string, Entity>();
    for (const entity of items) {
      if (entity) {
        byRef.set(entityKey(entity), entity);
      }
    }
    const speakerOwners = new Set(
      speakers.flatMap(s => {
        const owner = specRefOf(byRef.get(s), 'owner', 'group');
        return owner ? [owner] : [];
      }),
    );
    for (const ref of new Set(named)) {
      const entity = byRef.get(ref);
      if (!entity) {
        verdicts.set(ref, { verdict: 'unknown' });
        continue;
      }
      const owner = specRefOf(entity, 'owner', 'group');
      const ok =
        speakers.length === 0 ||
        speakers.includes(ref) ||
        (owner !== undefined && speakerOwners.has(owner)) ||
        listedBack(entity).some(
          r => speakers.includes(r) || speakerOwners.has(r),
        ) ||
        speakers.some(s => this.allowList.get(s)?.has(ref));
      verdicts.set(ref, { verdict: ok ? 'allowed' : 'refused', owner });
    }
    return verdicts;
  }
}

// The refs an entity's `reliability.io/runbooks-from` lists (entities, or
// groups), full and lower-case; what cannot be read as a ref is skipped.
function listedBack(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_RUNBOOKS_FROM];
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .flatMap(v => {
      try {
        return [normaliseEntityRef(v)];
      } catch {
        return [];
      }
    });
}

/** Every entity the runbooks and plans of one location name. */
export function namedRefs(
  runbooks: Placed<RunbookLike>[],
  plans: Placed<RecoveryPlanDocument>[],
): string[] {
  return [
    ...new Set([
      ...runbooks.flatMap(r => r.document.spec.entityRefs ?? []),
      ...plans.flatMap(p => planEntityRefs(p.document)),
    ]),
  ].sort();
}

/**
 * Takes the refused entities out of the documents (a runbook keeps serving
 * the entities it may name; a plan's component stays, without the entity)
 * and says so on each file, as an error that names the entity — so that it
 * shows on the named entity's page too. Unknown entities stay, with a
 * warning.
 */
export function applyVerdicts<R extends RunbookLike>(
  verdicts: Map<string, Judgement>,
  runbooks: Placed<R>[],
  plans: Placed<RecoveryPlanDocument>[],
  speakers: string[],
): {
  runbooks: Placed<R>[];
  plans: Placed<RecoveryPlanDocument>[];
  problems: RunbookProblem[];
} {
  const problems: RunbookProblem[] = [];
  const at = (p: Placed<unknown>, name: string) => ({
    file: p.sourceUrl,
    line: p.sourceLine,
    column: 1,
    runbook: name,
  });
  const refusal = (what: string, ref: string, owner?: string) =>
    `${what} names ${ref}${
      owner ? ` (owned by ${owner})` : ''
    }, which the runbooks of ${speakers.join(
      ', ',
    )} may not speak for; it was left out. Its owner can allow it with the ${ANNOTATION_RUNBOOKS_FROM} annotation on ${ref}`;
  const keep =
    (p: Placed<unknown>, name: string, what: string) => (ref: string) => {
      const { verdict, owner } = verdicts.get(ref) ?? { verdict: 'allowed' };
      if (verdict === 'refused') {
        problems.push({
          severity: 'error',
          ...at(p, name),
          entityRef: ref,
          message: refusal(what, ref, owner),
        });
        return false;
      }
      if (verdict === 'unknown') {
        problems.push({
          severity: 'warning',
          ...at(p, name),
          message: `${what} names ${ref}, which is not in the catalog`,
        });
      }
      return true;
    };

  const outRunbooks = runbooks.map(r => {
    const name = r.document.metadata.name;
    const refs = r.document.spec.entityRefs ?? [];
    const kept = refs.filter(keep(r, name, 'spec.entityRefs'));
    if (kept.length === refs.length) return r;
    return {
      ...r,
      document: {
        ...r.document,
        spec: { ...r.document.spec, entityRefs: kept },
      },
    };
  });
  const outPlans = plans.map(p => {
    const name = p.document.metadata.name;
    const spec = p.document.spec;
    const entityRefs = (spec.entityRefs ?? []).filter(
      keep(p, name, 'spec.entityRefs'),
    );
    const components = spec.components.map(c => {
      if (!c.entityRef) return c;
      if (keep(p, name, `component ${c.name}: entityRef`)(c.entityRef)) {
        return c;
      }
      const { entityRef: _refused, ...rest } = c;
      return rest;
    });
    return {
      ...p,
      document: { ...p.document, spec: { ...spec, entityRefs, components } },
    };
  });
  return { runbooks: outRunbooks, plans: outPlans, problems };
}

/** The verdicts as stored with the location: to tell when they change. */
export function verdictsKey(verdicts: Map<string, Judgement>): string {
  return JSON.stringify(
    [...verdicts.entries()]
      .map(([ref, j]) => [ref, j.verdict])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
