import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi/generated/router';

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { typeSchemas, commonEntry } = require('../../scripts/typeSchemas');

// openapi.yaml is the contract of the API: the router is generated from it
// (scripts/generate-openapi.js), and the request schemas of each record in
// it are generated from that record's zod schema in -common.
describe('openapi.yaml', () => {
  it('is what the generator makes of it and of the record schemas, and so is the router', () => {
    const result = spawnSync(
      process.execPath,
      [join(__dirname, '../../scripts/generate-openapi.js'), '--check'],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is the spec the router validates with', () => {
    const doc = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(spec).toEqual(doc);
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'delete']
        .filter(method => item[method])
        .map(method => `${method} ${path} ${item[method].operationId}`),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const operation of operations) {
      expect(operation).toMatch(/^\S+ \S+ [a-zA-Z]+$/);
    }
  });

  it("writes the records the API answers with from -common's types", () => {
    const schemas = typeSchemas({
      entry: commonEntry,
      names: ['IncidentSummary', 'Incident', 'RunbookSummary'],
      refs: ['RunbookTrigger', 'RunbookReview'],
    });
    const summary = schemas.IncidentSummary;
    // The type's documentation is the schema's.
    expect(summary.description).toBe('An incident as lists show it.');
    expect(summary.properties.number).toEqual({
      description: 'The number people say: 42 in INC-42.',
      type: 'integer',
    });
    expect(summary.properties.createdAt).toEqual({
      type: 'string',
      format: 'date-time',
    });
    expect(summary.properties.status).toEqual({
      type: 'string',
      enum: ['open', 'mitigated', 'resolved'],
    });
    // Optional fields are not required; the rest are.
    expect(summary.required).toContain('reference');
    expect(summary.required).not.toContain('commander');
    // A record extending another refers to it; one it names is a $ref.
    expect(schemas.Incident.allOf[0]).toEqual({
      $ref: '#/components/schemas/IncidentSummary',
    });
    expect(schemas.RunbookSummary.properties.triggers).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/RunbookTrigger' },
    });
    // And the document holds what the types say.
    const doc = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(doc.components.schemas.IncidentSummary).toEqual(summary);
  });
});
