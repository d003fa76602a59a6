/**
 * Finds site links built by hand: code that puts a value next to a slash in a string
 * (`/${locale}/`, `'/' + locale`, `${base}${id}/`, `[origin, locale].join('/')`), or writes a
 * locale into a path (`"/es/find/"`). Every such link belongs in src/domain/urls.ts.
 *
 * Files are read as syntax trees, not as text, so a slash in a comment, a regular expression
 * or HTML prose is not a finding, and a path split over lines or built with `+` still is.
 * TypeScript reads .ts and .tsx; Astro's own compiler (the one the build uses) reads .astro,
 * front matter, template expressions and scripts alike.
 */
import { parse as parseAstro } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { LOCALES } from '../../src/i18n/locales.ts';

/** Stands for a value put into a string, in the shape of what the code builds. */
export const HOLE = '\u0000';

export interface Finding {
  line: number;
  /** What the code builds, with `${…}` for each value put in. */
  shape: string;
  rule: string;
}

const codes = LOCALES.map((locale) => locale.code.replace(/-/g, '\\-')).join('|');
const RULES: Array<{ rule: string; test: RegExp }> = [
  { rule: 'a path segment built from a value', test: new RegExp(`/${HOLE}|${HOLE}/`) },
  {
    rule: 'a locale written into a path',
    test: new RegExp(`^(?:[a-z][a-z0-9+.-]*://[^/${HOLE}]*)?/(?:${codes})(?:[/?#]|$)`),
  },
];

function findingsIn(
  built: Array<{ shape: string; offset: number }>,
  lineOf: (n: number) => number,
) {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { shape, offset } of built) {
    for (const { rule, test } of RULES) {
      const key = `${offset}:${rule}`;
      if (!test.test(shape) || seen.has(key)) continue;
      seen.add(key);
      findings.push({ line: lineOf(offset), shape: shape.replaceAll(HOLE, '${…}'), rule });
    }
  }
  return findings;
}

// --- TypeScript (.ts, .tsx) -------------------------------------------------------------

const unwrapTs = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) ? unwrapTs(node.expression) : node;

/** The literal text of a TypeScript expression with HOLE for each value, or HOLE if none. */
function tsShape(node: ts.Expression): string {
  const inner = unwrapTs(node);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  if (ts.isTemplateExpression(inner)) {
    return inner.head.text + inner.templateSpans.map((span) => HOLE + span.literal.text).join('');
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return tsShape(inner.left) + tsShape(inner.right);
  }
  return HOLE;
}

const isPlus = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

export function scanTypeScript(text: string, fileName: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const built: Array<{ shape: string; offset: number }> = [];
  const visit = (node: ts.Node) => {
    const offset = node.getStart(source);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Module names are files, not links.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        built.push({ shape: node.text, offset });
      }
    } else if (ts.isTemplateExpression(node)) {
      built.push({ shape: tsShape(node), offset });
    } else if (isPlus(node)) {
      // The whole chain once, from its top: `'/' + locale + '/'`.
      let top: ts.Node = node.parent;
      while (ts.isParenthesizedExpression(top)) top = top.parent;
      if (!isPlus(top)) built.push({ shape: tsShape(node), offset });
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'join' &&
      ts.isArrayLiteralExpression(unwrapTs(node.expression.expression)) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const array = unwrapTs(node.expression.expression) as ts.ArrayLiteralExpression;
      const joiner = node.arguments[0].text;
      built.push({ shape: array.elements.map((e) => tsShape(e)).join(joiner), offset });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findingsIn(built, (offset) => source.getLineAndCharacterOfPosition(offset).line + 1);
}

// --- Astro (.astro) -----------------------------------------------------------------------

/** The ESTree nodes the Astro compiler returns, as far as this scan reads them. */
interface EsNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is EsNode =>
  typeof value === 'object' && value !== null && typeof (value as EsNode).type === 'string';

const unwrapEs = (node: EsNode): EsNode =>
  node.type === 'ParenthesizedExpression' && isNode(node.expression)
    ? unwrapEs(node.expression)
    : node;

const isEsPlus = (node: unknown): node is EsNode =>
  isNode(node) && node.type === 'BinaryExpression' && node.operator === '+';

function esShape(value: unknown): string {
  if (!isNode(value)) return HOLE;
  const node = unwrapEs(value);
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as Array<{ value: { cooked: string | null; raw: string } }>;
    return quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(HOLE);
  }
  if (isEsPlus(node)) return esShape(node.left) + esShape(node.right);
  return HOLE;
}

export function scanAstro(text: string): Finding[] {
  const { ast } = parseAstro(text);
  const built: Array<{ shape: string; offset: number }> = [];
  const visit = (value: unknown, parent: EsNode | undefined) => {
    if (Array.isArray(value)) {
      for (const child of value) visit(child, parent);
      return;
    }
    if (!isNode(value)) return;
    const node = value;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') return;
    if (node.type === 'Literal' && typeof node.value === 'string') {
      built.push({ shape: node.value, offset: node.start });
    } else if (node.type === 'TemplateLiteral') {
      built.push({ shape: esShape(node), offset: node.start });
    } else if (isEsPlus(node) && !(parent && isEsPlus(parent))) {
      built.push({ shape: esShape(node), offset: node.start });
    } else if (node.type === 'CallExpression' && isNode(node.callee)) {
      const callee = node.callee;
      const args = node.arguments as unknown[];
      const joiner = isNode(args[0]) ? esShape(args[0]) : HOLE;
      const array = isNode(callee.object) ? unwrapEs(callee.object) : undefined;
      if (
        callee.type === 'MemberExpression' &&
        isNode(callee.property) &&
        callee.property.name === 'join' &&
        array?.type === 'ArrayExpression' &&
        !joiner.includes(HOLE)
      ) {
        const elements = array.elements as unknown[];
        built.push({ shape: elements.map(esShape).join(joiner), offset: node.start });
      }
    }
    // A parenthesis does not break a `+` chain.
    const through = node.type === 'ParenthesizedExpression' ? parent : node;
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'type') visit(child, through);
    }
  };
  visit(ast, undefined);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return findingsIn(built, lineOf);
}

export function scanSource(text: string, fileName: string): Finding[] {
  return fileName.endsWith('.astro') ? scanAstro(text) : scanTypeScript(text, fileName);
}
