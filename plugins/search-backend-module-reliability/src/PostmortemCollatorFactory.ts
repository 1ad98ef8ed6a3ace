import type { IndexableDocument } from '@backstage/plugin-search-common';
import type { Postmortem } from '@reliability-suite/plugin-reliability-common';
import { ReliabilityCollatorFactory } from './ReliabilityCollatorFactory';

/** The search document type of postmortems. */
export const POSTMORTEM_DOCUMENT_TYPE = 'reliability-postmortem';

/** A published postmortem in the search index. @public */
export interface PostmortemSearchDocument extends IndexableDocument {
  id: string;
  severity?: string;
  entityRefs: string[];
  publishedAt?: string;
}

/**
 * Feeds Backstage search with published postmortems (drafts stay out), read
 * from the reliability backend's own API with a service token.
 */
export class PostmortemCollatorFactory extends ReliabilityCollatorFactory<
  Postmortem,
  PostmortemSearchDocument
> {
  readonly type = POSTMORTEM_DOCUMENT_TYPE;
  protected readonly path = '/postmortems?status=published';

  protected toDocument(pm: Postmortem): PostmortemSearchDocument {
    return {
      title: pm.title,
      text: [
        pm.summary,
        pm.impact,
        pm.trigger,
        ...pm.rootCauses,
        ...pm.contributingFactors,
        pm.resolution,
        pm.alerts.length ? `Alerts: ${pm.alerts.join(', ')}` : undefined,
      ]
        .filter((t): t is string => Boolean(t && t.trim()))
        .join('\n'),
      location: `/reliability/postmortems/${encodeURIComponent(pm.id)}`,
      id: pm.id,
      ...(pm.severity ? { severity: pm.severity } : {}),
      entityRefs: pm.entityRefs,
      ...(pm.publishedAt ? { publishedAt: pm.publishedAt } : {}),
    };
  }
}
