import type { Entity } from '@backstage/catalog-model';
import { join } from 'node:path';

/**
 * A component read from a `file` location in `dir`, its runbooks where
 * `annotation` says (relative to that folder), owned by the platform team.
 */
export function fileComponent(
  name: string,
  dir: string,
  annotation: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${join(
          dir,
          'catalog-info.yaml',
        )}`,
        'reliability.io/runbooks': annotation,
      },
    },
    spec: { owner: 'platform-team' },
  };
}
