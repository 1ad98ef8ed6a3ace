/**
 * Backstage search module of the reliability suite: indexes runbooks and
 * published postmortems, read from the reliability backend's API.
 *
 * @packageDocumentation
 */

export { searchModuleReliability as default } from './module';
export type { PostmortemSearchDocument } from './PostmortemCollatorFactory';
export type { RunbookSearchDocument } from './RunbookCollatorFactory';
