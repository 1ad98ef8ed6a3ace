/**
 * The answer of `GET /api/reliability/health`.
 *
 * @public
 */
export interface ReliabilityHealth {
  status: 'ok' | 'degraded';
  /** The database the backend stores its records in, and whether it answers. */
  database: { client: string; reachable: boolean; error?: string };
  /** When this backend instance started (ISO 8601). */
  startedAt: string;
}

/**
 * What the backend knows about one catalog entity, as served by
 * `GET /api/reliability/entities/:namespace/:kind/:name/overview`.
 *
 * @public
 */
export interface EntityReliabilityOverview {
  /** The entity's full ref, `kind:namespace/name`. */
  entityRef: string;
  /** The entity's title or name, as the catalog has it. */
  title: string;
  /** The owner's ref, from `spec.owner`, when it has one. */
  owner?: string;
  /** The reliability annotations the entity carries, keyed by annotation. */
  annotations: Record<string, string>;
  /** When the backend assembled this answer (ISO 8601). */
  generatedAt: string;
}
