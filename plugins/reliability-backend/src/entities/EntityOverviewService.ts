import {
  type CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type EntityReliabilityOverview,
  getReliabilityAnnotations,
} from '@reliability-suite/plugin-reliability-common';

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
    return {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? entity.metadata.name,
      owner: typeof owner === 'string' ? owner : undefined,
      annotations: getReliabilityAnnotations(entity),
      generatedAt: new Date().toISOString(),
    };
  }
}
