import type { Integer, Timestamp } from '../scalars';
import type { StepOutcome } from './schema';

/** One outcome of a step in one incident. @public */
export type StepOutcomeRecord = {
  incidentId: string;
  /** `INC-42`. */
  reference: string;
  outcome: StepOutcome;
  note?: string;
  at: Timestamp;
};

/** How one runbook step went across the incidents that used the runbook. @public */
export type RunbookStepStatistics = {
  /** `section[index]`, e.g. `steps[2]`. */
  step: string;
  /** The step's title or first line, from the runbook as it is now. */
  label?: string;
  counts: Record<StepOutcome, Integer>;
  /** Median minutes from the incident's start to the step's outcome. */
  medianMinutesFromStart?: Integer;
  /** Its outcomes, newest first (the last 5). */
  recent: StepOutcomeRecord[];
};

/** Incidents mitigated, and the median time it took. @public */
export type MitigationFigures = {
  incidents: Integer;
  /** Of them, those mitigated (or resolved). */
  mitigated: Integer;
  /** Median minutes from start to mitigated (or resolved). */
  medianMinutes?: Integer;
};

/**
 * A step whose outcome went wrong in most of its last uses: "step 3 failed
 * in 3 of the last 5 incidents". What the runbook's owner is told once.
 *
 * @public
 */
export type StepPattern = {
  step: string;
  label?: string;
  outcome: 'failed' | 'unhelpful' | 'skipped';
  /** How many of the last `of` outcomes were this one. */
  count: Integer;
  of: Integer;
  incidents: string[];
};

/**
 * What the incidents that used a runbook say of it: each step's outcomes,
 * the time to each, incidents mitigated with it attached and without it
 * (those of its entities that did not attach it), and the steps that keep
 * going wrong.
 *
 * @public
 */
export type RunbookStatistics = {
  /** `namespace/name`. */
  runbook: string;
  /** Incidents it was attached to. */
  incidents: Integer;
  steps: RunbookStepStatistics[];
  mitigation: { with: MitigationFigures; without: MitigationFigures };
  patterns: StepPattern[];
};

// How many of a step's last uses a pattern looks at, and how many must match.
/** @public */
export const STEP_PATTERN_WINDOW = 5;
/** @public */
export const STEP_PATTERN_THRESHOLD = 3;

/**
 * The steps whose last {@link STEP_PATTERN_WINDOW} outcomes hold the same
 * bad one (failed, did not help, skipped) at least
 * {@link STEP_PATTERN_THRESHOLD} times.
 *
 * @public
 */
export function stepPatterns(
  steps: RunbookStepStatistics[],
  window = STEP_PATTERN_WINDOW,
  threshold = STEP_PATTERN_THRESHOLD,
): StepPattern[] {
  const patterns: StepPattern[] = [];
  for (const step of steps) {
    const last = step.recent.slice(0, window);
    for (const outcome of ['failed', 'unhelpful', 'skipped'] as const) {
      const matching = last.filter(r => r.outcome === outcome);
      if (matching.length >= threshold) {
        patterns.push({
          step: step.step,
          ...(step.label ? { label: step.label } : {}),
          outcome,
          count: matching.length,
          of: last.length,
          incidents: matching.map(r => r.reference),
        });
      }
    }
  }
  return patterns;
}

/** The median of some numbers, rounded; undefined for none. @public */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
  );
}
