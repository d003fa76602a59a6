import { parseDocument } from 'yaml';
import type { ZodType } from 'zod';

/** One thing wrong with a content file, said so that an editor can find and fix it. */
export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
}

export function formatProblem({ file, field, message }: ContentProblem): string {
  return field ? `${file}: ${field}: ${message}` : `${file}: ${message}`;
}

/** `phones.0.number` reads better as `phones[0].number` to someone editing YAML. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** The data of a YAML file, or undefined with a problem per syntax error (with its line). */
export function parseYaml(text: string, file: string, problems: ContentProblem[]): unknown {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = error.linePos?.[0].line;
      problems.push({
        file,
        message: `${line ? `line ${line}: ` : ''}${error.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  return document.toJS();
}

/** The front matter block of a Markdown file: the YAML between the first two `---` lines. */
export const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The front matter of a Markdown file, parsed. */
export function frontMatter(text: string, file: string, problems: ContentProblem[]): unknown {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    problems.push({ file, message: 'must start with a front matter block between --- lines' });
    return undefined;
  }
  return parseYaml(match[1] ?? '', file, problems);
}

/** The data checked against its schema, or undefined with a problem per field that is wrong. */
export function validate<T>(
  schema: ZodType<T>,
  data: unknown,
  file: string,
  problems: ContentProblem[],
): T | undefined {
  if (data === undefined) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = fieldName(issue.path);
    // Zod says "expected string, received undefined" for a missing field; editors think "missing".
    const message = /received undefined$/.test(issue.message)
      ? 'is required but missing'
      : issue.message;
    problems.push({ file, ...(field ? { field } : {}), message });
  }
  return undefined;
}
