import { InputError } from '@backstage/errors';
import {
  createPostmortemContentSchema,
  describeIssues,
  minutesBetween,
  type PostmortemContent,
} from '@reliability-suite/plugin-reliability-common';
import { randomUUID } from 'node:crypto';

/**
 * Validates a postmortem as a client sends it, with the schema from -common
 * (the one the editor's form uses): every problem is named by its field
 * (`milestones.resolved must be an ISO 8601 time`), in one 400.
 */
export function parsePostmortemContent(
  body: unknown,
  options: { severities: string[] },
): PostmortemContent {
  const result = createPostmortemContentSchema(options).safeParse(body);
  if (!result.success) {
    throw new InputError(
      `Invalid postmortem: ${describeIssues(result.error.issues)
        .slice(0, 10)
        .map(p => (p.path ? `${p.path} ${p.message}` : p.message))
        .join('; ')}`,
    );
  }
  const value = result.data;
  const ids = new Set<string>();
  const actionItems = value.actionItems.map(item => {
    let id = item.id ?? randomUUID().slice(0, 8);
    while (ids.has(id)) id = randomUUID().slice(0, 8);
    ids.add(id);
    return { ...item, id };
  });
  return {
    ...value,
    entityRefs: [...new Set(value.entityRefs)],
    authors: [...new Set(value.authors)],
    actionItems,
  };
}

/** The durations people ask for first, from the milestones. */
export function computedDurations(content: PostmortemContent) {
  const { started, detected, resolved } = content.milestones;
  return {
    timeToDetectMinutes: minutesBetween(started, detected),
    timeToResolveMinutes: minutesBetween(started, resolved),
  };
}
