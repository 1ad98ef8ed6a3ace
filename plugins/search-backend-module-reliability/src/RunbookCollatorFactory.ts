import type { IndexableDocument } from '@backstage/plugin-search-common';
import type {
  RunbookDetails,
  RunbookStep,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityCollatorFactory } from './ReliabilityCollatorFactory';

/** The search document type of runbooks. */
export const RUNBOOK_DOCUMENT_TYPE = 'reliability-runbook';

/** A runbook in the search index. @public */
export interface RunbookSearchDocument extends IndexableDocument {
  namespace: string;
  name: string;
  severity?: string;
  alertNames: string[];
  entityRefs: string[];
}

/**
 * Feeds Backstage search with runbooks, so they are found by title, alert
 * name, symptom and step text. Reads them from the reliability backend's own
 * API with a service token, as every collator reads its plugin.
 */
export class RunbookCollatorFactory extends ReliabilityCollatorFactory<
  RunbookDetails,
  RunbookSearchDocument
> {
  readonly type = RUNBOOK_DOCUMENT_TYPE;
  protected readonly path = '/runbooks?view=full';

  protected toDocument(runbook: RunbookDetails): RunbookSearchDocument {
    return toSearchDocument(runbook);
  }
}

/** What search shows and matches for one runbook. */
export function toSearchDocument(
  runbook: RunbookDetails,
): RunbookSearchDocument {
  const { spec, metadata } = runbook.document;
  const alertNames = (spec.triggers ?? []).map(t => t.alertName);
  const steps = [
    ...(spec.diagnosis ?? []),
    ...(spec.immediateActions ?? []),
    ...(spec.steps ?? []),
    ...(spec.recovery ?? []),
    ...(Array.isArray(spec.rollback) ? spec.rollback : []),
  ];
  const text = [
    alertNames.length ? `Alerts: ${alertNames.join(', ')}` : undefined,
    metadata.description,
    spec.summary,
    spec.impact,
    ...(spec.symptoms ?? []),
    ...(spec.preconditions ?? []).map(p => p.check),
    ...steps.map(stepText),
    typeof spec.rollback === 'string' ? spec.rollback : undefined,
  ]
    .filter((t): t is string => Boolean(t && t.trim()))
    .join('\n');
  return {
    title: runbook.title,
    text,
    location: `/reliability/runbooks/${encodeURIComponent(
      runbook.namespace,
    )}/${encodeURIComponent(runbook.name)}`,
    namespace: runbook.namespace,
    name: runbook.name,
    ...(runbook.severity ? { severity: runbook.severity } : {}),
    alertNames,
    entityRefs: runbook.entityRefs,
  };
}

function stepText(step: RunbookStep): string {
  return [
    step.title,
    step.run,
    step.verify,
    step.expect,
    step.manual,
    step.description,
  ]
    .filter(Boolean)
    .join(' ');
}
