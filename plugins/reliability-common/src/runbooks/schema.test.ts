import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoveryPlanJsonSchema } from '../recovery/schema';
import { runbookJsonSchema } from './schema';

// The package ships the schema as a JSON file for editors
// (`# yaml-language-server: $schema=…`). It must never drift from the schema
// the validator uses: UPDATE_SCHEMA=1 npm run test:unit rewrites it.
const file = join(__dirname, '..', '..', 'schema', 'runbook.schema.json');

describe('the published recovery plan JSON Schema', () => {
  it('is the schema the validator uses', () => {
    const planFile = join(
      __dirname,
      '..',
      '..',
      'schema',
      'recovery-plan.schema.json',
    );
    const expected = `${JSON.stringify(recoveryPlanJsonSchema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) {
      writeFileSync(planFile, expected);
    }
    expect(readFileSync(planFile, 'utf8')).toBe(expected);
  });
});

describe('the published runbook JSON Schema', () => {
  it('is the schema the validator uses', () => {
    const expected = `${JSON.stringify(runbookJsonSchema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) {
      writeFileSync(file, expected);
    }
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
