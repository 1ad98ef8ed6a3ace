/**
 * The runbook validator of the reliability suite, for the CI of a runbook
 * repository: `npx @reliability-suite/reliability-cli validate runbooks/`.
 *
 * @packageDocumentation
 */

export { main } from './main';
export {
  validateRunbooks,
  formatProblem,
  type ValidateFormat,
  type ValidateOptions,
  type ValidateOutput,
} from './validateRunbooks';
