import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The OpenAPI document is the API's contract for other tools (Alertmanager
// links, incident tooling): it must name every route the router serves.
describe('openapi.yaml', () => {
  const doc = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));

  it.each([
    ['get', '/health'],
    ['get', '/entities/{namespace}/{kind}/{name}/overview'],
    ['get', '/severities'],
    ['get', '/schemas/runbook.json'],
    ['get', '/runbooks'],
    ['get', '/runbooks/index-status'],
    ['get', '/runbooks/by-alert/{alertName}'],
    ['get', '/runbooks/{namespace}/{name}'],
    ['post', '/runbooks/refresh'],
    ['get', '/runbooks/export'],
    ['get', '/postmortems'],
    ['post', '/postmortems'],
    ['get', '/postmortems/action-items'],
    ['get', '/postmortems/{id}'],
    ['put', '/postmortems/{id}'],
    ['delete', '/postmortems/{id}'],
    ['get', '/postmortems/{id}/audit'],
  ])('documents %s %s', (method, path) => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths[path]?.[method]?.operationId).toEqual(expect.any(String));
  });
});
