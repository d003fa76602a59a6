import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const all = filesUnder(src);
const cssFiles = all.filter((file) => file.endsWith('.css'));
const templates = all.filter((file) => /\.(astro|tsx|ts)$/.test(file));
const templateText = templates.map((file) => readFileSync(file, 'utf8')).join('\n');

interface Block {
  prelude: string;
  children: Block[];
}

/** Rules and at-rules as a tree (enough of CSS for these checks: no braces in strings). */
function parse(css: string): Block[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let at = 0;
  const read = (): Block[] => {
    const blocks: Block[] = [];
    let start = at;
    while (at < text.length) {
      const char = text[at++];
      if (char === '{') {
        const prelude = text.slice(start, at - 1).trim();
        const inner = read();
        // A block of declarations has no children; its prelude is a selector list.
        blocks.push({ prelude: prelude.split(';').pop()!.trim(), children: inner });
        start = at;
      } else if (char === '}') {
        return blocks;
      } else if (char === ';') {
        start = at;
      }
    }
    return blocks;
  };
  return read();
}

const LAYERS = ['tokens', 'base', 'layout', 'utilities', 'print', 'components'];

describe('stylesheets', () => {
  it('declare the layer order once, first in every page', () => {
    const statements = all.filter((file) => /@layer\s+[\w-]+\s*,/.test(readFileSync(file, 'utf8')));
    expect(statements.map((file) => relative(src, file))).toEqual(['components/LayerOrder.astro']);
    expect(readFileSync(statements[0]!, 'utf8')).toContain(`@layer ${LAYERS.join(', ')};`);
    for (const page of ['layouts/BaseLayout.astro', 'pages/index.astro', 'pages/404.astro'])
      expect(readFileSync(join(src, page), 'utf8')).toMatch(
        /<meta charset="utf-8" \/>\s*<LayerOrder \/>/,
      );
  });

  it('bring the layers in global.css in their declared order', () => {
    const imported = [
      ...readFileSync(join(src, 'styles/global.css'), 'utf8').matchAll(/@import url\('([^']+)'\)/g),
    ]
      .map((m) => readFileSync(join(src, 'styles', m[1]!), 'utf8'))
      .map((css) => /@layer ([\w-]+)/.exec(css)![1]!);
    const firstSeen = imported.filter((layer, index) => imported.indexOf(layer) === index);
    expect(firstSeen).toEqual(LAYERS);
  });

  it.each(cssFiles.filter((f) => !f.endsWith('global.css')).map((f) => [relative(src, f), f]))(
    '%s: every rule sits in one of the declared layers',
    (_, file) => {
      const blocks = parse(readFileSync(file, 'utf8'));
      expect(blocks.length).toBe(1);
      expect(LAYERS.map((layer) => `@layer ${layer}`)).toContain(blocks[0]!.prelude);
    },
  );

  it('define no rule twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    const visit = (blocks: Block[], context: string, file: string) => {
      for (const block of blocks) {
        if (block.prelude.startsWith('@')) {
          visit(block.children, `${context}${block.prelude} `, file);
          continue;
        }
        const key = `${context}${block.prelude.replace(/\s+/g, ' ')}`;
        const where = relative(src, file);
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${where})`);
        else seen.set(key, where);
      }
    };
    for (const file of cssFiles) visit(parse(readFileSync(file, 'utf8')), '', file);
    expect(twice).toEqual([]);
  });

  it('style only classes some template uses', () => {
    const classes = new Set(
      cssFiles.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\.(rf-[\w-]+)/g)].map((m) => m[1]!),
      ),
    );
    const unused = [...classes].filter(
      (name) => !new RegExp(`["'\\s\`]${name}(?![\\w-])`).test(templateText),
    );
    expect(unused).toEqual([]);
  });

  it('of a component are imported by that component, or by global.css for the page frame', () => {
    const global = readFileSync(join(src, 'styles/global.css'), 'utf8');
    const beside = cssFiles.filter((file) => /\/(components|islands)\//.test(file));
    const orphans = beside.filter((file) => {
      const name = basename(file, '.css');
      const owner = templates.find((t) => basename(t).replace(/\.(astro|tsx)$/, '') === name);
      if (owner && global.includes(`'../components/${name}.css'`)) return false;
      // By import, or as an address (`?url`) for a sheet linked only when needed (the map's).
      const imported = new RegExp(`'\\./${name}\\.css(\\?url)?'`);
      return !owner || !imported.test(readFileSync(owner, 'utf8'));
    });
    expect(orphans.map((file) => relative(src, file))).toEqual([]);
  });
});
