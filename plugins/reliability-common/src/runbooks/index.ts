export * from './types';
export { runbookJsonSchema } from './schema';
export {
  parseRunbookFile,
  DEFAULT_RUNBOOK_PARSE_LIMITS,
  type RunbookParseLimits,
  type ParseRunbookFileOptions,
} from './parseRunbookFile';
export {
  parseMarkdownRunbook,
  type ParseMarkdownRunbookOptions,
} from './parseMarkdownRunbook';
export {
  parseRunbookSource,
  parseRunbookFolder,
  parseRunbookFolderInSlices,
  isRunbookFileName,
  isPrometheusRuleFile,
  type RunbookSourceFile,
  type RunbookFolderParseOptions,
  type RunbookFolderResult,
} from './parseRunbookSource';
export { runbookSkill, runbookSkillName } from './runbookSkill';
