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
  isRunbookFileName,
  isPrometheusRuleFile,
  type RunbookSourceFile,
  type RunbookFolderResult,
} from './parseRunbookSource';
export { runbookSkill, runbookSkillName } from './runbookSkill';
