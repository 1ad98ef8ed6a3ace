import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import type { Postmortem } from '@internal/plugin-reliability-common';
import { Readable } from 'node:stream';
import { fetchReliabilityItems } from './fetchReliabilityItems';

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
export class PostmortemCollatorFactory implements DocumentCollatorFactory {
  readonly type = POSTMORTEM_DOCUMENT_TYPE;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<PostmortemSearchDocument> {
    const items = await fetchReliabilityItems<Postmortem>(
      this.options,
      '/postmortems?status=published',
    );
    for (const pm of items) {
      yield {
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
}
