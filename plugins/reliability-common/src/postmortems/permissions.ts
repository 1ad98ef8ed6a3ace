import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of postmortems, for conditional policy decisions. @public */
export const RESOURCE_TYPE_RELIABILITY_POSTMORTEM = 'reliability-postmortem';

/** Write a new postmortem. @public */
export const reliabilityPostmortemCreatePermission = createPermission({
  name: 'reliability.postmortem.create',
  attributes: { action: 'create' },
});

/** Change a postmortem (not publish it). @public */
export const reliabilityPostmortemUpdatePermission = createPermission({
  name: 'reliability.postmortem.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
});

/** Move a postmortem to `published`, or back from it. @public */
export const reliabilityPostmortemPublishPermission = createPermission({
  name: 'reliability.postmortem.publish',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
});

/** Delete a postmortem. @public */
export const reliabilityPostmortemDeletePermission = createPermission({
  name: 'reliability.postmortem.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
});

/** @public */
export const reliabilityPostmortemPermissions = [
  reliabilityPostmortemCreatePermission,
  reliabilityPostmortemUpdatePermission,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemDeletePermission,
];
