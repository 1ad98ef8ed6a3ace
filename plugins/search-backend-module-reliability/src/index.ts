/**
 * Backstage search module of the reliability suite: indexes runbooks and
 * published postmortems, read from the reliability backend's API.
 *
 * @packageDocumentation
 */

export { searchModuleReliability as default } from './module';
export {
  PostmortemCollatorFactory,
  type PostmortemSearchDocument,
} from './PostmortemCollatorFactory';
export {
  RunbookCollatorFactory,
  type RunbookSearchDocument,
} from './RunbookCollatorFactory';
export type { ReliabilityCollatorOptions } from './ReliabilityCollatorFactory';
