#!/usr/bin/env node
/* eslint-disable no-restricted-imports */
// `npm run generate:openapi` (in this package): the OpenAPI document is the
// contract of the reliability API, and the router is generated from it.
//
//  1. The request schemas of each record (PostmortemContent,
//     PostmortemActionItem, …) are written into src/schema/openapi.yaml from
//     the one zod schema of that record in -common.
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

const pkgDir = join(__dirname, '..');
const yamlPath = join(pkgDir, 'src/schema/openapi.yaml');
const routerPath = join(pkgDir, 'src/schema/openapi/generated/router.ts');
const clientRoutesPath = join(
  pkgDir,
  '../reliability-common/src/generated/apiRoutes.ts',
);

function generate() {
  require('@backstage/cli/config/nodeTransform.cjs');
  const YAML = require('yaml');
  // The record schemas are read from -common's source: the generator runs
  // before anything is built.
  // eslint-disable-next-line @backstage/no-relative-monorepo-imports
  const { recordJsonSchemas } = require('../../reliability-common/src/schema');

  const doc = YAML.parseDocument(readFileSync(yamlPath, 'utf8'));
  const generated = recordJsonSchemas();
  for (const [name, schema] of Object.entries(generated)) {
    doc.setIn(['components', 'schemas', name], doc.createNode(schema));
  }
  const yamlText = doc.toString({ lineWidth: 80, minContentWidth: 0 });
  const spec = YAML.parse(yamlText);

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
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import express from 'express';

/** The OpenAPI document of the reliability API. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** The paths the document gives each method, in express form. */
export type SpecPaths = ${routesByMethod(path =>
    path.replace(/\{([^}]+)\}/g, ':$1'),
  )};

type Method = keyof SpecPaths;

/**
 * An express router that only takes the routes of the document: a route
 * that is not in openapi.yaml does not compile.
 */
export type SpecRouter = Omit<express.Router, Method> & {
  [M in Method]: (
    path: SpecPaths[M],
    ...handlers: express.RequestHandler[]
  ) => SpecRouter;
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
  createValidatedOpenApiRouterFromGeneratedEndpointMap<any>(spec as any, {
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
