import { severityProblem } from '../severities';
import { normaliseEntityRef } from '../entityRefs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';
import { checkRecoveryPlan } from '../recovery/checkRecoveryPlan';
import { recoveryPlanJsonSchema } from '../recovery/schema';
import type {
  ParsedRecoveryPlan,
  RecoveryPlanDocument,
} from '../recovery/types';
import { runbookJsonSchema } from './schema';
import {
  RUNBOOK_STEP_SECTIONS,
  type ParsedRunbook,
  RELIABILITY_API_VERSION,
  type RunbookDocument,
  type RunbookFileResult,
  type RunbookProblem,
  type RunbookStep,
} from './types';

/** Limits that keep one hostile file from hurting the indexer. @public */
export interface RunbookParseLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most YAML documents in one file. */
  maxDocuments: number;
  /** Most alias expansions in one document (guards against alias bombs). */
  maxAliasCount: number;
  /** Deepest nesting of flow collections (`[`, `{`) and of indentation levels. */
  maxDepth: number;
}

/** @public */
export const DEFAULT_RUNBOOK_PARSE_LIMITS: RunbookParseLimits = {
  maxFileBytes: 512 * 1024,
  maxDocuments: 100,
  maxAliasCount: 100,
  maxDepth: 64,
};

/** @public */
export interface ParseRunbookFileOptions {
  /** How the file is named in problems: a path or a URL. */
  file: string;
  /** The severity ids a runbook may name; unchecked when absent. */
  severities?: string[];
  /**
   * Entity refs a runbook serves when it names none: the annotating entity,
   * or every entity whose annotation points at the same folder.
   */
  defaultEntityRef?: string | string[];
  limits?: Partial<RunbookParseLimits>;
}

type Path = (string | number)[];
type Position = { line: number; column: number };

/** One YAML document being checked: where things are, and where problems go. */
interface DocumentCheck {
  doc: Document;
  at: (offset?: number) => Position;
  docStart: Position;
  add: (
    severity: 'error' | 'warning',
    message: string,
    where?: Position,
  ) => void;
}

// The kinds this version reads, each with its schema.
const KINDS = {
  Runbook: runbookJsonSchema,
  RecoveryPlan: recoveryPlanJsonSchema,
} as const;
type Kind = keyof typeof KINDS;
const validators = new Map<Kind, ValidateFunction>();
function getValidator(kind: Kind): ValidateFunction {
  let validator = validators.get(kind);
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    validator = ajv.compile(KINDS[kind]);
    validators.set(kind, validator);
  }
  return validator;
}

/**
 * Where a text nests deeper than `max`: flow collections (`[`, `{`) outside
 * quotes, or lines indented by more than `max` levels of two columns. A
 * cheap scan before the parser, whose recursion a hostile file could
 * exhaust.
 */
function tooDeep(
  text: string,
  max: number,
): { line: number; column: number } | undefined {
  let depth = 0;
  let quote: string | undefined;
  let line = 1;
  let column = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    column++;
    if (c === '\n') {
      line++;
      column = 0;
      lineStart = true;
      indent = 0;
      quote = undefined;
      continue;
    }
    if (lineStart && c === ' ') {
      indent++;
      if (indent > max * 2) return { line, column };
      continue;
    }
    lineStart = false;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      // a comment: skip to the end of the line
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return { line, column };
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * Parses and validates a YAML runbook file of one or more documents. Never
 * throws on bad input: every problem comes back with its file, line and
 * column, and only the documents without errors come back as runbooks.
 *
 * @public
 */
export function parseRunbookFile(
  text: string,
  options: ParseRunbookFileOptions,
): RunbookFileResult {
  const limits = { ...DEFAULT_RUNBOOK_PARSE_LIMITS, ...options.limits };
  const { file } = options;
  const problems: RunbookProblem[] = [];
  const runbooks: ParsedRunbook[] = [];
  const recoveryPlans: ParsedRecoveryPlan[] = [];
  const fileProblem = (message: string): RunbookFileResult => ({
    runbooks: [],
    problems: [{ severity: 'error', file, line: 0, column: 0, message }],
  });

  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxFileBytes) {
    return fileProblem(
      `file is ${bytes} bytes, more than the limit of ${limits.maxFileBytes}`,
    );
  }
  if (text.includes('\u0000')) {
    return fileProblem('file is binary (it contains NUL bytes), not YAML');
  }
  const deep = tooDeep(text, limits.maxDepth);
  if (deep) {
    return {
      runbooks: [],
      problems: [
        {
          severity: 'error',
          file,
          line: deep.line,
          column: deep.column,
          message: `nested more than ${limits.maxDepth} levels deep: no runbook needs that; flatten it`,
        },
      ],
    };
  }

  const lineCounter = new LineCounter();
  const parse = () => {
    try {
      return parseAllDocuments(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
      });
    } catch (error) {
      // A structure the parser cannot follow (its recursion ran out).
      return error as Error;
    }
  };
  const documents = parse();
  if (documents instanceof Error) {
    return fileProblem(
      documents instanceof RangeError
        ? 'nested too deeply to read: flatten it'
        : `cannot be read: ${documents.message}`,
    );
  }
  if (!Array.isArray(documents)) {
    return { runbooks, recoveryPlans, problems }; // an empty stream: nothing to index
  }
  if (documents.length > limits.maxDocuments) {
    return fileProblem(
      `file has ${documents.length} YAML documents, more than the limit of ${limits.maxDocuments}`,
    );
  }

  const seen = new Map<string, number>();
  for (const doc of documents) {
    const at = (offset: number | undefined) => {
      const pos = lineCounter.linePos(offset ?? doc.range[0]);
      return { line: pos.line, column: pos.col };
    };
    const docStart = at(doc.contents?.range[0] ?? doc.range[0]);
    const docProblems: RunbookProblem[] = [];
    const add = (
      severity: RunbookProblem['severity'],
      message: string,
      where = docStart,
    ) => docProblems.push({ severity, file, ...where, message });

    for (const error of doc.errors) {
      add('error', yamlMessage(error.message), at(error.pos[0]));
    }
    for (const warning of doc.warnings) {
      add('warning', yamlMessage(warning.message), at(warning.pos[0]));
    }
    if (doc.errors.length > 0) {
      problems.push(...docProblems);
      continue;
    }
    if (
      doc.contents === null ||
      (isScalar(doc.contents) && doc.contents.value === null)
    ) {
      continue; // an empty document, e.g. after a trailing ---
    }

    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      add(
        'error',
        error instanceof RangeError
          ? 'nested too deeply to read: flatten it'
          : `cannot be read: ${error instanceof Error ? error.message : error}`,
      );
      problems.push(...docProblems);
      continue;
    }

    if (!isObject(data) || !Object.hasOwn(KINDS, String(data.kind))) {
      const kind = isObject(data) ? data.kind : undefined;
      add(
        'warning',
        kind === undefined
          ? 'document has no kind (Runbook or RecoveryPlan), ignored'
          : `kind ${JSON.stringify(
              kind,
            )} is not a kind this version reads (Runbook, RecoveryPlan), ignored`,
      );
      problems.push(...docProblems);
      continue;
    }
    const kind = data.kind as Kind;
    if (data.apiVersion !== RELIABILITY_API_VERSION) {
      add(
        'error',
        `apiVersion must be ${RELIABILITY_API_VERSION}, not ${JSON.stringify(
          data.apiVersion,
        )}`,
        position(doc, ['apiVersion'], at, docStart),
      );
      problems.push(...docProblems);
      continue;
    }

    // Pass 1: unknown fields are warnings; drop them and go on.
    const validate = getValidator(kind);
    if (!validate(data)) {
      for (const e of relevantErrors(validate.errors ?? [], data)) {
        if (e.keyword !== 'additionalProperties') continue;
        const parent = toPath(e.instancePath);
        const field = String(
          (e.params as { additionalProperty: string }).additionalProperty,
        );
        add(
          'warning',
          `unknown field ${describe([...parent, field])}, ignored`,
          keyPosition(doc, parent, field, at, docStart),
        );
        const owner = getAt(data, parent);
        if (isObject(owner)) delete owner[field];
      }
    }
    // Pass 2: what is left must be valid.
    const schemaPaths = new Set<string>();
    if (!validate(data)) {
      for (const e of relevantErrors(validate.errors ?? [], data)) {
        const path = toPath(e.instancePath);
        schemaPaths.add(describe(path));
        add(
          'error',
          `${describe(path)} ${schemaMessage(e)}`,
          position(doc, path, at, docStart),
        );
      }
    }

    const check: DocumentCheck = { doc, at, docStart, add };
    if (kind === 'RecoveryPlan' && schemaPaths.size > 0) {
      // All of a plan's problems at once: its other checks too, where the
      // shape lets them run, and never twice about the same field.
      let more: ReturnType<typeof checkRecoveryPlan> = [];
      try {
        more = checkRecoveryPlan(data as unknown as RecoveryPlanDocument, {
          severities: options.severities,
        });
      } catch {
        more = [];
      }
      for (const problem of more) {
        const where = describe(problem.path);
        if (
          [...schemaPaths].some(
            p =>
              where === p ||
              where.startsWith(`${p}.`) ||
              where.startsWith(`${p}[`),
          )
        ) {
          continue;
        }
        add(
          problem.severity,
          `${where} ${problem.message}`,
          position(doc, problem.path, at, docStart),
        );
      }
    }
    if (!docProblems.some(p => p.severity === 'error')) {
      if (kind === 'Runbook') {
        checkSteps(data as unknown as RunbookDocument, check);
        checkReview(data as unknown as RunbookDocument, check);
        checkSeverity(
          data as unknown as RunbookDocument,
          options.severities,
          check,
        );
      } else {
        for (const problem of checkRecoveryPlan(
          data as unknown as RecoveryPlanDocument,
          { severities: options.severities },
        )) {
          add(
            problem.severity,
            `${describe(problem.path)} ${problem.message}`,
            position(doc, problem.path, at, docStart),
          );
        }
      }
    }

    const metadata = data.metadata as { name?: unknown; namespace?: string };
    const name = isObject(metadata) ? metadata.name : undefined;
    for (const p of docProblems) {
      if (typeof name === 'string') p.runbook = name;
    }
    if (!docProblems.some(p => p.severity === 'error')) {
      const what = kind === 'Runbook' ? 'runbook' : 'recovery plan';
      const key = `${metadata.namespace ?? 'default'}/${String(name)}`;
      const earlier = seen.get(`${kind}:${key}`);
      if (earlier !== undefined) {
        add(
          'error',
          `duplicate ${what} name ${key}: line ${earlier} of this file already defines it`,
          position(doc, ['metadata', 'name'], at, docStart),
        );
        for (const p of docProblems) p.runbook = String(name);
      } else {
        seen.set(`${kind}:${key}`, docStart.line);
        if (kind === 'Runbook') {
          runbooks.push({
            document: normalise(
              data as unknown as RunbookDocument,
              options.defaultEntityRef,
            ),
            file,
            line: docStart.line,
          });
        } else {
          recoveryPlans.push({
            document: normalisePlan(
              data as unknown as RecoveryPlanDocument,
              options.defaultEntityRef,
            ),
            file,
            line: docStart.line,
          });
        }
      }
    }
    problems.push(...docProblems);
  }
  return { runbooks, recoveryPlans, problems };
}

function normalisePlan(
  plan: RecoveryPlanDocument,
  defaultEntityRef: string | string[] | undefined,
): RecoveryPlanDocument {
  let refs: string[] = plan.spec.entityRefs ?? [];
  if (refs.length === 0 && defaultEntityRef) refs = [defaultEntityRef].flat();
  // Objectives written as numbers in YAML (`rpo: 0`) are text like the rest.
  const text = (v: unknown) => (v === undefined ? undefined : String(v));
  const objectives = <T extends { rpo?: unknown; rto?: unknown }>(o: T): T => ({
    ...o,
    ...(o.rpo !== undefined ? { rpo: text(o.rpo) } : {}),
    ...(o.rto !== undefined ? { rto: text(o.rto) } : {}),
  });
  return {
    apiVersion: RELIABILITY_API_VERSION,
    kind: 'RecoveryPlan',
    metadata: {
      ...plan.metadata,
      namespace: plan.metadata.namespace ?? 'default',
      title: plan.metadata.title ?? plan.metadata.name,
    },
    spec: objectives({
      ...plan.spec,
      entityRefs: [...new Set(refs.map(r => normaliseEntityRef(r)))],
      dataTypes: plan.spec.dataTypes?.map(objectives),
      scenarios: plan.spec.scenarios?.map(objectives),
      components: plan.spec.components.map(c =>
        objectives({
          ...c,
          ...(c.entityRef
            ? { entityRef: normaliseEntityRef(c.entityRef) }
            : {}),
          ...(c.replication
            ? { replication: objectives(c.replication as any) }
            : {}),
        }),
      ),
    }),
  };
}

function normalise(
  runbook: RunbookDocument,
  defaultEntityRef: string | string[] | undefined,
): RunbookDocument {
  const spec = { ...runbook.spec };
  let refs: string[] = spec.entityRefs ?? [];
  if (refs.length === 0 && defaultEntityRef) refs = [defaultEntityRef].flat();
  spec.entityRefs = [...new Set(refs.map(r => normaliseEntityRef(r)))];
  for (const { key } of RUNBOOK_STEP_SECTIONS) {
    if (spec[key]) spec[key] = spec[key]!.map(toStep);
  }
  if (Array.isArray(spec.rollback)) spec.rollback = spec.rollback.map(toStep);
  return {
    apiVersion: RELIABILITY_API_VERSION,
    kind: 'Runbook',
    metadata: {
      ...runbook.metadata,
      namespace: runbook.metadata.namespace ?? 'default',
      title: runbook.metadata.title ?? runbook.metadata.name,
    },
    spec,
  };
}

function toStep(step: RunbookStep | string): RunbookStep {
  return typeof step === 'string' ? { manual: step } : step;
}

const STEP_SECTIONS = [
  ...RUNBOOK_STEP_SECTIONS.map(s => s.key),
  'rollback' as const,
];

function checkSteps(runbook: RunbookDocument, check: DocumentCheck) {
  const { doc, at, docStart, add } = check;
  for (const section of STEP_SECTIONS) {
    const steps = runbook.spec[section];
    if (!Array.isArray(steps)) continue;
    steps.forEach((step, index) => {
      if (typeof step === 'string') return;
      const path = ['spec', section, index];
      const kinds = (['run', 'verify', 'manual'] as const).filter(
        k => step[k] !== undefined,
      );
      if (kinds.length !== 1) {
        add(
          'error',
          `${describe(path)} must have exactly one of run, verify or manual${
            kinds.length ? ` (it has ${kinds.join(' and ')})` : ''
          }`,
          position(doc, path, at, docStart),
        );
      } else if (step.expect !== undefined && kinds[0] !== 'verify') {
        add(
          'warning',
          `${describe(path)} has expect, which only a verify step uses`,
          position(doc, [...path, 'expect'], at, docStart),
        );
      }
    });
  }
}

// A review dated after today has not happened: a typo, or a wish.
function checkReview(runbook: RunbookDocument, check: DocumentCheck) {
  const { doc, at, docStart, add } = check;
  const reviewed = runbook.spec.review?.lastReviewed;
  const tomorrow = Date.now() + 86400_000;
  if (reviewed && Date.parse(reviewed) > tomorrow) {
    add(
      'error',
      `spec.review.lastReviewed ${reviewed} is in the future`,
      position(doc, ['spec', 'review', 'lastReviewed'], at, docStart),
    );
  }
}

function checkSeverity(
  runbook: RunbookDocument,
  severities: string[] | undefined,
  check: DocumentCheck,
) {
  const { doc, at, docStart, add } = check;
  const problem = severityProblem(runbook.spec.severity, severities);
  if (!problem) return;
  add(
    'error',
    `spec.severity ${problem}`,
    position(doc, ['spec', 'severity'], at, docStart),
  );
}

// Of a oneOf's failing branches, keep the errors of the branch whose type
// matches the data; report the oneOf itself only if nothing more precise is
// left.
function relevantErrors(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const kept = errors.filter(e => {
    if (!e.schemaPath.includes('/oneOf/')) return true;
    if (e.keyword === 'oneOf') return true;
    const value = getAt(data, toPath(e.instancePath));
    if (e.keyword === 'type') {
      const wanted = (e.params as { type: string }).type;
      return typeOf(value) === wanted; // never: a wrong-branch type error
    }
    const branchValue = getAt(
      data,
      toPath(e.instancePath).slice(0, oneOfDepth(e)),
    );
    return branchMatches(e.schemaPath, branchValue);
  });
  return kept.filter(
    e =>
      e.keyword !== 'oneOf' ||
      !kept.some(
        other =>
          other !== e &&
          other.keyword !== 'oneOf' &&
          other.instancePath.startsWith(e.instancePath),
      ),
  );
}

function oneOfDepth(e: ErrorObject): number {
  // The instance path of the value the oneOf applies to is the error's own
  // path minus what the branch descended into; branches here descend at most
  // into an array item (steps) and that item's property.
  const path = toPath(e.instancePath);
  const inBranch = e.schemaPath.split('/oneOf/')[1]?.split('/').slice(1) ?? [];
  const descents = inBranch.filter(
    s => s === 'items' || s === 'properties',
  ).length;
  return Math.max(0, path.length - descents);
}

function branchMatches(schemaPath: string, value: unknown): boolean {
  const branch = schemaPath.split('/oneOf/')[1]?.split('/')[0];
  // Branch 0 of every oneOf in the schema is a string; branch 1 an object
  // (a step) or an array (steps).
  return branch === '0' ? typeof value === 'string' : typeof value !== 'string';
}

function schemaMessage(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `is missing required field ${
        (e.params as { missingProperty: string }).missingProperty
      }`;
    case 'pattern': {
      // Say what the value should be in words ("a duration such as 30s"),
      // not the regular expression it breaks.
      const words = e.parentSchema?.description?.split(/[;.:](\s|$)/)[0].trim();
      return words
        ? `must be ${words.charAt(0).toLocaleLowerCase('en-US')}${words.slice(
            1,
          )}`
        : e.message ?? 'is invalid';
    }
    case 'const':
      return `must be ${JSON.stringify(
        (e.params as { allowedValue: unknown }).allowedValue,
      )}`;
    case 'enum':
      return `must be one of ${(
        e.params as { allowedValues: unknown[] }
      ).allowedValues
        .map(v => JSON.stringify(v))
        .join(', ')}, not ${JSON.stringify(e.data)}`;
    case 'oneOf':
      return 'must be text or a list of steps';
    default:
      return e.message ?? 'is invalid';
  }
}

function yamlMessage(message: string): string {
  // The yaml library ends its messages with the line and column; we report
  // those separately.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function toPath(instancePath: string): Path {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: Path): string {
  if (path.length === 0) return 'the document';
  return path
    .map(p => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

function getAt(data: unknown, path: Path): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function position(
  doc: Document,
  path: Path,
  at: (offset?: number) => { line: number; column: number },
  fallback: { line: number; column: number },
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node && (node as Node).range) return at((node as Node).range![0]);
  }
  return fallback;
}

function keyPosition(
  doc: Document,
  parent: Path,
  key: string,
  at: (offset?: number) => { line: number; column: number },
  fallback: { line: number; column: number },
): { line: number; column: number } {
  const node = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) {
        return at(pair.key.range?.[0]);
      }
    }
  }
  return position(doc, parent, at, fallback);
}
