/**
 * The reliability backend plugin, and the search module that indexes its
 * runbooks.
 *
 * @packageDocumentation
 */

export { reliabilityPlugin as default } from './plugin';
export { searchModuleReliabilityRunbooks } from './search/module';
export {
  PostmortemCollatorFactory,
  type PostmortemSearchDocument,
} from './search/PostmortemCollatorFactory';
export {
  RunbookCollatorFactory,
  type RunbookSearchDocument,
} from './search/RunbookCollatorFactory';
export {
  postmortemConditions,
  createPostmortemConditionalDecision,
  postmortemPermissionRules,
} from './postmortems/permissionRules';
