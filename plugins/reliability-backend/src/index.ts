/**
 * The reliability backend plugin.
 *
 * @packageDocumentation
 */

export { reliabilityPlugin as default } from './plugin';
