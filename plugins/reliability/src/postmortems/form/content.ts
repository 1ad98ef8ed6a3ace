import type {
  PostmortemContent,
  PostmortemContentInput,
} from '@reliability-suite/plugin-reliability-common';

/** An empty postmortem, optionally about one entity. */
export function emptyPostmortem(entityRef?: string): PostmortemContentInput {
  return {
    title: '',
    status: 'draft',
    authors: [],
    entityRefs: entityRef ? [entityRef] : [],
    alerts: [],
    runbooks: [],
    milestones: {},
    rootCauses: [],
    contributingFactors: [],
    lessons: { wentWell: [], wentWrong: [], gotLucky: [] },
    timeline: [],
    actionItems: [],
  };
}

const CONTENT_KEYS: (keyof PostmortemContent)[] = [
  'title',
  'status',
  'authors',
  'owner',
  'severity',
  'category',
  'entityRefs',
  'alerts',
  'runbooks',
  'milestones',
  'summary',
  'impact',
  'usersAffected',
  'slaBreached',
  'detection',
  'trigger',
  'rootCauses',
  'contributingFactors',
  'resolution',
  'lessons',
  'timeline',
  'actionItems',
  'incidentId',
];

/** Only the content fields of a stored postmortem: what the API takes back. */
export function contentOf(pm: PostmortemContent): PostmortemContent {
  return Object.fromEntries(
    CONTENT_KEYS.filter(k => pm[k] !== undefined).map(k => [k, pm[k]]),
  ) as unknown as PostmortemContent;
}
