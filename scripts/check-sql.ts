/**
 * `npm run lint:sql`: the two rules of docs/architecture.md that no import check sees, over the SQL text in
 * libs/ (string and template literals that hold a statement; tests and migrations aside).
 * 1. A lib's SQL names only its own tables. Another part's rows are read through the owner's typed functions
 *    or the relations it publishes (`USERS_SQL`, `EDITIONS_SQL`… in `<part>-reads.sql.ts`). The owner of a
 *    table is the lib whose entity maps it (`@Entity('name')`).
 * 2. Status words enter SQL as parameters or interpolated constants (`'${TaskStatus.Assigned}'`), not as literals.
 * Prints each breach as file:line and exits 1 when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const SQL = /\b(SELECT|UPDATE|INSERT|DELETE)\b/;
const TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/g;
const QUOTED = /'([A-Z][A-Z_]+)'/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : files(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const libOf = (file: string) => relative(ROOT, file).split('/')[1];
const all = files(join(ROOT, 'libs'));
const owners = new Map<string, string>();
/** Every value of an exported `…Status` constant object (`{ Assigned: 'ASSIGNED', … } as const`). */
const statuses = new Set<string>();
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/@Entity\(\{?\s*(?:name:\s*)?'([a-z_]+)'/g)) owners.set(m[1], libOf(file));
  for (const m of text.matchAll(/export const \w*Status = \{([^}]*)\}/g)) for (const v of m[1].matchAll(/'([A-Z_]+)'/g)) statuses.add(v[1]);
}

/** The text of each literal that holds SQL, with the line it starts on (a template's parts joined by `${}`). */
function sqlLiterals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}');
    if (text !== null && SQL.test(text)) found.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const breaches: string[] = [];
for (const file of all) {
  const path = relative(ROOT, file);
  const lib = libOf(file);
  for (const { text, line } of sqlLiterals(file)) {
    const at = (offset: number) => `${path}:${line + text.slice(0, offset).split('\n').length - 1}`;
    for (const m of text.matchAll(TABLE)) {
      const owner = owners.get(m[1]);
      if (owner && owner !== lib) breaches.push(`${at(m.index)}: reads ${m[1]}, a table of ${owner}`);
    }
    for (const m of text.matchAll(QUOTED)) if (statuses.has(m[1])) breaches.push(`${at(m.index)}: status literal '${m[1]}' in SQL`);
  }
}
for (const breach of breaches) console.error(breach);
if (breaches.length > 0) {
  console.error(`\n${breaches.length} breach(es): read another part's table through its owner (docs/architecture.md), pass statuses as parameters.`);
  process.exit(1);
}
console.log(`SQL ownership: ${all.length} files, ${owners.size} tables, no breach.`);
