/**
 * The reliability backend plugin: runbooks from Git, severities, postmortems,
 * served under /api/reliability. Add it with
 * `backend.add(import('@reliability-suite/plugin-reliability-backend'))`.
 *
 * Permission conditions for policies are in
 * `@reliability-suite/plugin-reliability-node`; search in
 * `@reliability-suite/plugin-search-backend-module-reliability`.
 *
 * @packageDocumentation
 */

export { reliabilityPlugin as default } from './plugin';
