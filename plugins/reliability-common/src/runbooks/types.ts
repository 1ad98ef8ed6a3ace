import type { Integer } from '../scalars';
import type { ParsedRecoveryPlan } from '../recovery/types';
import type { AlertRule } from '../alerts/rules';
/**
 * The runbook format, `reliability.io/v1alpha1` `Runbook`.
 *
 * A runbook file holds one or more YAML documents, each an envelope
 * `{ apiVersion, kind, metadata, spec }`; other kinds (backup policies,
 * degraded-mode tables) can join the same envelope and indexing pipeline.
 */

/** The apiVersion of the documents this version of the suite reads. @public */
export const RELIABILITY_API_VERSION = 'reliability.io/v1alpha1';

/**
 * The sections of a runbook that hold steps, in the order a responder works
 * through them, with the title each is shown under: the ones an incident's
 * checklist ticks. `rollback` (steps or prose) follows them.
 *
 * @public
 */
export const RUNBOOK_STEP_SECTIONS = [
  { key: 'diagnosis', title: 'Diagnosis' },
  { key: 'immediateActions', title: 'Immediate actions' },
  { key: 'steps', title: 'Steps' },
  { key: 'recovery', title: 'Recovery' },
] as const;

/** A section of {@link RUNBOOK_STEP_SECTIONS}. @public */
export type RunbookStepSection = (typeof RUNBOOK_STEP_SECTIONS)[number]['key'];

/** One step of a runbook section. Exactly one of `run`, `verify`, `manual`. @public */
export type RunbookStep = {
  /** A short name for the step, shown in checklists. */
  title?: string;
  /** A command to run (shell, kubectl, …). */
  run?: string;
  /** A command or expression that checks the state. */
  verify?: string;
  /** For `verify`: what the check should show when all is well. */
  expect?: string;
  /** An instruction for a person, in Markdown. */
  manual?: string;
  /** Why the step is there, or what to watch out for (Markdown). */
  description?: string;
  /** How long the step may take before escalating, e.g. `5m`. */
  timeout?: string;
};

/** Which alert a runbook answers. @public */
export type RunbookTrigger = {
  /** The alert's name (Prometheus `alertname`). */
  alertName: string;
  /** Alert labels that must all match (e.g. `{ namespace: prod }`). */
  labels?: Record<string, string>;
};

/** Something to check before acting. @public */
export type RunbookPrecondition = {
  check: string;
  description?: string;
};

/** Who to call when the runbook does not resolve the problem. @public */
export type RunbookEscalation = {
  /** Entity refs or plain names, in order. */
  contacts?: string[];
  /** Escalate when not mitigated after this long, e.g. `30m`. */
  after?: string;
  /** Free text: paging policy, chat channel, … (Markdown). */
  notes?: string;
};

/** A link shown with the runbook. @public */
export type RunbookLink = {
  title: string;
  url: string;
};

/** When the runbook was last checked, and how often it must be. @public */
export type RunbookReview = {
  /** ISO date (`2026-10-01`). */
  lastReviewed?: string;
  /** Days between reviews. */
  intervalDays?: Integer;
};

/** The `spec` of a Runbook. @public */
export type RunbookSpec = {
  /** Catalog entities the runbook serves, `[kind:][namespace/]name`. */
  entityRefs?: string[];
  owner?: string;
  /** One of the configured severity ids (P1…P4 by default). */
  severity?: string;
  /** E.g. backend, db, network, tls, storage. */
  category?: string;
  summary?: string;
  impact?: string;
  symptoms?: string[];
  triggers?: RunbookTrigger[];
  preconditions?: RunbookPrecondition[];
  diagnosis?: RunbookStep[];
  immediateActions?: RunbookStep[];
  /** Ordered steps of a runbook that is one procedure (seed 003 style). */
  steps?: RunbookStep[];
  recovery?: RunbookStep[];
  /** Steps to undo, or a short instruction such as `page-oncall`. */
  rollback?: RunbookStep[] | string;
  escalation?: RunbookEscalation;
  postmortemQuestions?: string[];
  links?: RunbookLink[];
  review?: RunbookReview;
};

/** A runbook document, after validation and normalisation. @public */
export type RunbookDocument = {
  apiVersion: typeof RELIABILITY_API_VERSION;
  kind: 'Runbook';
  metadata: {
    name: string;
    namespace: string;
    title: string;
    description?: string;
    tags?: string[];
  };
  spec: RunbookSpec;
};

/** A problem found in a runbook file: an error rejects the runbook, a warning does not. @public */
export type RunbookProblem = {
  severity: 'error' | 'warning';
  /** The file, as the source names it (a path or a URL). */
  file: string;
  /** 1-based; 0 when the problem is about the whole file. */
  line: Integer;
  column: Integer;
  message: string;
  /** The runbook the problem belongs to, when known. */
  runbook?: string;
  /**
   * The entity a document names that its location may not speak for: it
   * was left out, and the problem shows on that entity's page too.
   */
  entityRef?: string;
};

/** A runbook as parsed from a file, with where it came from. @public */
export type ParsedRunbook = {
  document: RunbookDocument;
  file: string;
  /** The line its document starts on. */
  line: number;
};

/** What parsing one file gives. @public */
export type RunbookFileResult = {
  runbooks: ParsedRunbook[];
  /** Recovery plans: documents of kind RecoveryPlan in the same files. */
  recoveryPlans?: ParsedRecoveryPlan[];
  problems: RunbookProblem[];
  /**
   * Alerting rules, when the file is a Prometheus rule file (a `groups:`
   * list, as promtool reads it) kept beside the runbooks.
   */
  alertRules?: AlertRule[];
};
