/**
 * Reads a deployment's sessions (`<content>/sessions/*.yaml`) for the build, the content check
 * and the tests. Plain Node (no Astro), like load-site.ts; every problem is returned at once,
 * each naming its file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml, validate, type ContentProblem } from './content-file.ts';
import { sessionSchema, type Session } from './schemas/session.ts';

export function readSessions(
  contentDir: string,
  {
    displayRoot = process.cwd(),
    venueIds,
  }: {
    displayRoot?: string;
    /** The deployment's venues; when given, a session at any other venue is a problem. */
    venueIds?: ReadonlySet<string>;
  } = {},
): { sessions: Session[]; problems: ContentProblem[] } {
  const dir = join(contentDir, 'sessions');
  const problems: ContentProblem[] = [];
  const sessions: Session[] = [];
  if (!existsSync(dir)) return { sessions, problems };
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(displayRoot, path) || path;
    const session = validate(
      sessionSchema,
      parseYaml(readFileSync(path, 'utf8'), file, problems),
      file,
      problems,
    );
    if (!session) continue;
    const expectedId = name.replace(/\.yaml$/, '');
    if (session.id !== expectedId) {
      problems.push({ file, field: 'id', message: `must be "${expectedId}", the file's name` });
      continue;
    }
    if (venueIds && !venueIds.has(session.venue)) {
      problems.push({
        file,
        field: 'venue',
        message: `"${session.venue}" is not one of the deployment's venues`,
      });
      continue;
    }
    sessions.push(session);
  }
  return { sessions, problems };
}
