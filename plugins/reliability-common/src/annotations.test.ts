import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_RPO,
  ANNOTATION_RUNBOOKS,
  getReliabilityAnnotations,
  isReliabilityAvailable,
} from './annotations';

function entity(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', annotations },
  };
}

describe('reliability annotations', () => {
  it('collects only the reliability annotations, trimmed', () => {
    const e = entity({
      [ANNOTATION_RUNBOOKS]: ' ./runbooks ',
      [ANNOTATION_RPO]: '15m',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(getReliabilityAnnotations(e)).toEqual({
      [ANNOTATION_RUNBOOKS]: './runbooks',
      [ANNOTATION_RPO]: '15m',
    });
    expect(isReliabilityAvailable(e)).toBe(true);
  });

  it('treats an entity without them, or with blank values, as unavailable', () => {
    expect(isReliabilityAvailable(entity())).toBe(false);
    expect(
      isReliabilityAvailable(entity({ [ANNOTATION_RUNBOOKS]: '  ' })),
    ).toBe(false);
  });
});
