import {
  type CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_RPO,
  ANNOTATION_RTO,
  type AnnotatedObjective,
  type EntityReliabilityOverview,
  getReliabilityAnnotations,
  parseRecoveryObjective,
} from '@reliability-suite/plugin-reliability-common';

// An objective annotation, read: its value, or what is wrong with it.
function readObjective(text?: string): AnnotatedObjective | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRecoveryObjective(text);
  return parsed.ok
    ? { text, value: parsed.value }
    : { text, error: parsed.error };
}

/**
 * Assembles what the portal shows about one entity. The entity is always
 * looked up in the catalog with the caller's own credentials, so a caller only
 * learns about entities it may read.
 */
export class EntityOverviewService {
  constructor(private readonly catalog: CatalogService) {}

  async getOverview(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReliabilityOverview> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    const annotations = getReliabilityAnnotations(entity);
    const rpo = readObjective(annotations[ANNOTATION_RPO]);
    const rto = readObjective(annotations[ANNOTATION_RTO]);
    return {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? entity.metadata.name,
      owner: typeof owner === 'string' ? owner : undefined,
      annotations,
      objectives: { ...(rpo ? { rpo } : {}), ...(rto ? { rto } : {}) },
      generatedAt: new Date().toISOString(),
    };
  }
}
