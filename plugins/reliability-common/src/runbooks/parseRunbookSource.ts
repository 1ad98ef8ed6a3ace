import { parseMarkdownRunbook } from './parseMarkdownRunbook';
import { parseRunbookFile } from './parseRunbookFile';
import type { RunbookFileResult } from './types';

/** The file names the indexer and the validator read. @public */
export function isRunbookFileName(name: string): boolean {
  return /\.(ya?ml|md)$/i.test(name);
}

/**
 * Parses a runbook file of either form: YAML documents, or a Markdown runbook
 * in the prometheus-operator style (a Markdown file without any runbook
 * section is not a runbook and gives nothing).
 *
 * @public
 */
export function parseRunbookSource(
  text: string,
  options: {
    file: string;
    severities?: string[];
    defaultEntityRef?: string;
    maxFileBytes?: number;
  },
): RunbookFileResult {
  if (/\.md$/i.test(options.file)) {
    const result = parseMarkdownRunbook(text, options);
    // Markdown cannot state a severity in the schema's terms; check it here.
    const severity = result.runbooks[0]?.document.spec.severity;
    if (
      severity !== undefined &&
      options.severities &&
      !options.severities.includes(severity)
    ) {
      return {
        runbooks: [],
        problems: [
          {
            severity: 'error',
            file: options.file,
            line: 1,
            column: 1,
            runbook: result.runbooks[0].document.metadata.name,
            message: `severity ${JSON.stringify(
              severity,
            )} is not a configured severity (${options.severities.join(', ')})`,
          },
        ],
      };
    }
    return result;
  }
  return parseRunbookFile(text, {
    ...options,
    limits:
      options.maxFileBytes !== undefined
        ? { maxFileBytes: options.maxFileBytes }
        : undefined,
  });
}
