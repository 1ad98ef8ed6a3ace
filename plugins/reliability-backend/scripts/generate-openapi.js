#!/usr/bin/env node
/* eslint-disable no-restricted-imports */
// `npm run generate:openapi` (in this package): the OpenAPI document is the
// contract of the reliability API, and the router is generated from it.
//
//  1. The request schemas of each record (PostmortemContent,
//     PostmortemActionItem, …) are written into src/schema/openapi.yaml from
//     the one zod schema of that record in -common, and the schemas of the
//     records it answers with (Incident, RunbookSummary, …) from their
//     TypeScript types in -common (./typeSchemas.js): each record is
//     written once, in -common.
//  2. src/schema/openapi/generated/router.ts is written from the document:
//     the spec, the paths each method may serve, and createOpenApiRouter,
//     which validates every request against the spec before a handler runs.
//  3. -common's src/generated/apiRoutes.ts: the routes by method, which the
//     frontend client is typed with.
//
// `backstage-repo-tools package schema openapi generate --server` does step 2
// with openapi-generator, a Java program it downloads from Maven Central;
// that host cannot be reached here, so this script writes the same router
// shape itself. `--check` fails (exit 1) when a file is not up to date.
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { commonEntry, typeSchemas } = require('./typeSchemas');

const pkgDir = join(__dirname, '..');
const yamlPath = join(pkgDir, 'src/schema/openapi.yaml');
const routerPath = join(pkgDir, 'src/schema/openapi/generated/router.ts');
const clientRoutesPath = join(
  pkgDir,
  '../reliability-common/src/generated/apiRoutes.ts',
);

// The records the API answers with, by their type's name in -common: their
// schemas are written from the types (scripts/typeSchemas.js), and where one
// names another it is a `$ref`. A record answered whole or in a list is here.
const ANSWERS = [
  'ReliabilityHealth',
  'AlertCoverage',
  'AlertCoverageEntry',
  'AlertCoverageDay',
  'AlertFacts',
  'EntityAlertFacts',
  'AlertRule',
  'AlertRuleSourceState',
  'DeadTrigger',
  'CoverageRunbook',
  'EntityReliabilityOverview',
  'AnnotatedObjective',
  'RecoveryObjective',
  'SeverityLevel',
  'IncidentSummary',
  'IncidentContext',
  'IncidentContextEntity',
  'IncidentContextPastIncident',
  'Incident',
  'IncidentEvent',
  'IncidentRoleAssignment',
  'IncidentAlert',
  'IncidentRunbook',
  'IncidentTick',
  'IncidentStatusUpdate',
  'IncidentRole',
  'IncidentMetrics',
  'IncidentClassification',
  'PostmortemDue',
  'AlertIntakeResult',
  'IncidentPostmortemStart',
  'RunbookStatistics',
  'RunbookStepStatistics',
  'StepOutcomeRecord',
  'MitigationFigures',
  'StepPattern',
  'AlertRuleFigures',
  'ComplianceState',
  'ComponentRecoveryStatus',
  'RecoveryPlanDocument',
  'RecoveryPlanDetails',
  'RecoveryOverview',
  'RecoveryPlanHistory',
  'RecoveryFacts',
  'RecoveryViolation',
  'RecoveryViolationList',
  'BackupEvent',
  'BackupSourceState',
  'BackupEventsSummary',
  'BackupImportSummary',
  'RunbookTrigger',
  'RunbookReview',
  'RunbookSummary',
  'RunbookDetails',
  'RunbookDocument',
  'RunbookSpec',
  'RunbookStep',
  'RunbookPrecondition',
  'RunbookEscalation',
  'RunbookLink',
  'RunbookLocationState',
  'RunbookProblem',
  'RunbookIndexStatus',
  'Postmortem',
  'ActionItemWithPostmortem',
  'PostmortemAuditEntry',
];

// A record that extends another (`allOf: [$ref, { more properties }]`) as
// one object for the router's typed copy of the document: the types
// Backstage derives from a document do not follow `allOf`, so a handler's
// answer would go unchecked. The object holds both parts' properties and
// required fields; what the reader sees in openapi.yaml is unchanged.
function flattenAllOf(spec) {
  const schemas = spec.components.schemas;
  const flattened = {};
  const resolve = part =>
    part.$ref ? schemas[part.$ref.replace('#/components/schemas/', '')] : part;
  const flatten = schema => {
    if (!schema.allOf) return schema;
    const parts = schema.allOf.map(part => flatten(resolve(part)));
    const { allOf: _, ...rest } = schema;
    return {
      ...rest,
      type: 'object',
      required: [...new Set(parts.flatMap(part => part.required ?? []))],
      properties: Object.assign({}, ...parts.map(part => part.properties)),
    };
  };
  for (const [name, schema] of Object.entries(schemas)) {
    if (schema.allOf) flattened[name] = flatten(schema);
  }
  return flattened;
}

function generate() {
  require('@backstage/cli/config/nodeTransform.cjs');
  const YAML = require('yaml');
  // The record schemas are read from -common's source: the generator runs
  // before anything is built.
  // eslint-disable-next-line @backstage/no-relative-monorepo-imports
  const { recordJsonSchemas } = require('../../reliability-common/src/schema');

  const doc = YAML.parseDocument(readFileSync(yamlPath, 'utf8'));
  const generated = recordJsonSchemas();
  // The records the API answers with, from their types in -common (which
  // refer to the request records above by name).
  const answers = typeSchemas({
    entry: commonEntry,
    names: ANSWERS,
    refs: Object.keys(generated),
  });
  for (const [name, schema] of Object.entries({ ...generated, ...answers })) {
    doc.setIn(['components', 'schemas', name], doc.createNode(schema));
  }
  // Each list's query parameters from its one schema in -common (its page,
  // `limit` and `offset`, stays the document's shared parameters).
  const {
    listQueryJsonSchemas,
    // eslint-disable-next-line @backstage/no-relative-monorepo-imports
  } = require('../../reliability-common/src/listQueries');
  for (const [path, schema] of Object.entries(listQueryJsonSchemas())) {
    const current = doc.getIn(['paths', path, 'get', 'parameters']).toJSON();
    const page = current.filter(p => p.$ref);
    const examples = new Map(
      current
        .filter(p => p.example !== undefined)
        .map(p => [p.name, p.example]),
    );
    const parameters = Object.entries(schema.properties).map(
      ([name, { description, ...property }]) => ({
        name,
        in: 'query',
        required: false,
        ...(description ? { description } : {}),
        schema: property,
        // An example is the document's own, kept where it gives one.
        ...(examples.has(name) ? { example: examples.get(name) } : {}),
        allowReserved: true,
      }),
    );
    doc.setIn(
      ['paths', path, 'get', 'parameters'],
      doc.createNode([...parameters, ...page]),
    );
  }
  const yamlText = doc.toString({ lineWidth: 80, minContentWidth: 0 });
  const spec = YAML.parse(yamlText);
  const flattened = flattenAllOf(spec);

  // The type of the document's routes by method, e.g.
  // `{ get: '/health' | …; post: …; put: …; delete: … }`; `toPath` writes a
  // path as the reader of the type needs it.
  const routesByMethod = (toPath = path => path) =>
    `{\n${['get', 'post', 'put', 'patch', 'delete']
      .map(method => {
        const list = Object.entries(spec.paths)
          .filter(([, item]) => item[method])
          .map(([path]) => `'${toPath(path)}'`);
        return `  ${method}: ${list.length ? list.join(' | ') : 'never'};`;
      })
      .join('\n')}\n}`;
  const clientRoutesText = `//
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: it is written from the backend's
// * src/schema/openapi.yaml by \`npm run generate:openapi\` in that package.

/**
 * The routes of the reliability API by method, as its OpenAPI document gives
 * them: a client typed with it cannot call a route the backend does not have.
 *
 * @public
 */
export type ReliabilityApiRoutes = ${routesByMethod()};
`;
  const routerText = `//
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit src/schema/openapi.yaml (or
// * a record's schema in -common) and run \`npm run generate:openapi\`.
import {
  type ApiRouter,
  createValidatedOpenApiRouter,
} from '@backstage/backend-openapi-utils';
import express from 'express';

/** The OpenAPI document of the reliability API. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/**
 * The router of the reliability API, typed by the document: a handler's
 * path parameters, query, body and response are the document's (a handler
 * cannot read a field it does not define, nor answer with a shape it does
 * not give), and a route that is not in openapi.yaml does not compile.
 */
export type SpecRouter = ApiRouter<TypedDocument>;

type Schemas = (typeof spec)['components']['schemas'];

/**
 * The document as the router's types read it: the records that extend
 * another (\`allOf\`) as one object each, which Backstage's types follow.
 */
type TypedDocument = Omit<typeof spec, 'components'> & {
  components: Omit<(typeof spec)['components'], 'schemas'> & {
    schemas: Omit<Schemas, ${Object.keys(flattened)
      .map(name => `'${name}'`)
      .join(' | ')}> & ${JSON.stringify(flattened, null, 2)};
  };
};

/**
 * The router of the reliability API: every request is validated against the
 * document (path, query, body; unknown query parameters are refused) before
 * a handler runs, and a request that breaks it gets a 400 naming what is
 * wrong.
 */
export const createOpenApiRouter = async (options?: {
  middleware?: express.RequestHandler[];
}): Promise<SpecRouter> =>
  createValidatedOpenApiRouter(spec, {
    middleware: options?.middleware,
    validatorOptions: {
      // Who may call is decided by Backstage's auth (tokens or cookies) in
      // each handler, not by the document's security scheme.
      validateSecurity: false,
    },
  }) as unknown as SpecRouter;
`;
  return { yamlText, routerText, clientRoutesText };
}

function format(text, path) {
  // The repository's own prettier, as `npm run prettier:check` uses it.
  // eslint-disable-next-line @backstage/no-undeclared-imports
  const prettier = require('prettier');
  const options = {
    ...require('@backstage/cli/config/prettier.json'),
    filepath: path,
  };
  return prettier.format(text, options);
}

async function main() {
  const check = process.argv.includes('--check');
  const { yamlText, routerText, clientRoutesText } = generate();
  const files = [
    [yamlPath, await format(yamlText, yamlPath)],
    [routerPath, await format(routerText, routerPath)],
    [clientRoutesPath, await format(clientRoutesText, clientRoutesPath)],
  ];
  let stale = 0;
  for (const [path, text] of files) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not written yet
    }
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(
        `${relative(
          process.cwd(),
          path,
        )} is not up to date: run npm run generate:openapi in plugins/reliability-backend`,
      );
    } else {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${relative(process.cwd(), path)}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

module.exports = { generate };

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
