import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityReliabilityOverview,
  ReliabilityHealth,
} from '@internal/plugin-reliability-common';

/**
 * The reliability backend, as the portal calls it.
 *
 * @public
 */
export interface ReliabilityApi {
  /** Whether the backend and its database answer. */
  getHealth(): Promise<ReliabilityHealth>;
  /** What the backend knows about one catalog entity. */
  getEntityOverview(entityRef: string): Promise<EntityReliabilityOverview>;
}

/** @public */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
