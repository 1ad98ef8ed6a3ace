import { resolve } from 'node:path';
import { validateRunbooks } from './validateRunbooks';

// The demo's runbooks (examples/runbooks) and its recovery plan
// (examples/recovery) are what a new user sees first:
// they must stay free of errors and warnings.
describe('the demo runbooks', () => {
  it('validate cleanly', () => {
    const out: string[] = [];
    const code = validateRunbooks(['examples/runbooks', 'examples/recovery'], {
      cwd: resolve(__dirname, '../../..'),
      severities: ['P1', 'P2', 'P3', 'P4'],
      output: { out: l => out.push(l), err: l => out.push(l) },
    });
    expect(out.slice(0, -1)).toEqual([]);
    expect(code).toBe(0);
    expect(out[out.length - 1]).toMatch(
      /, 1 recovery plan\(s\): 0 error\(s\), 0 warning\(s\)$/,
    );
  });
});
