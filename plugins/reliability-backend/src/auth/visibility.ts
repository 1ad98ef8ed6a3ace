import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

// The catalog answers a batch of refs at a time.
const BATCH = 500;

/**
 * What the caller may see of the catalog, for the records that name catalog
 * entities (incidents, postmortems, runbooks, plans): a record naming an
 * entity the caller may not read (`catalog.entity.read`) is neither listed
 * nor served, so that it does not tell what the catalog hides.
 *
 * The policy's decision is asked first: when it allows every entity (the
 * demo), nothing more is done. When it is conditional, the catalog itself is
 * asked, with the caller's credentials, which of the refs it shows.
 */
export class CatalogVisibility {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  private async decision(
    credentials: BackstageCredentials,
  ): Promise<AuthorizeResult> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision.result;
  }

  /**
   * Of `refs` (normalised entity refs, or where to find them: asked for
   * only when the policy does not allow every entity), those the caller may
   * not read.
   */
  async hiddenAmong(
    credentials: BackstageCredentials,
    refs: Iterable<string> | (() => Promise<string[]>),
  ): Promise<string[]> {
    const result = await this.decision(credentials);
    if (result === AuthorizeResult.ALLOW) return [];
    const all = [...new Set(typeof refs === 'function' ? await refs() : refs)];
    if (all.length === 0) return [];
    if (result === AuthorizeResult.DENY) return all;
    const hidden: string[] = [];
    for (let i = 0; i < all.length; i += BATCH) {
      const entityRefs = all.slice(i, i + BATCH);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
        { credentials },
      );
      items.forEach((entity, k) => {
        if (!entity) hidden.push(entityRefs[k]);
      });
    }
    return hidden;
  }

  /** The items whose every entity the caller may read. */
  async visible<T>(
    credentials: BackstageCredentials,
    items: T[],
    refsOf: (item: T) => string[],
  ): Promise<T[]> {
    const hidden = new Set(
      await this.hiddenAmong(credentials, items.flatMap(refsOf)),
    );
    if (hidden.size === 0) return items;
    return items.filter(item => !refsOf(item).some(ref => hidden.has(ref)));
  }

  /** Whether the caller may read every one of `refs`. */
  async mayReadAll(
    credentials: BackstageCredentials,
    refs: string[],
  ): Promise<boolean> {
    return (await this.hiddenAmong(credentials, refs)).length === 0;
  }

  /**
   * The record, or a 404 naming `what` when there is none or it names an
   * entity the caller may not read: a hidden record answers as a missing one.
   */
  async readable<T extends { entityRefs?: string[] }>(
    credentials: BackstageCredentials,
    record: T | undefined,
    what: string,
  ): Promise<T> {
    if (
      !record ||
      !(await this.mayReadAll(credentials, record.entityRefs ?? []))
    ) {
      throw new NotFoundError(`No ${what}`);
    }
    return record;
  }
}
