import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi/generated/router';

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
});
