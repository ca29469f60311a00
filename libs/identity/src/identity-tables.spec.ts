import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Identity's tables are identity's: every other lib reads them through identity's ports (`users/user.queries.ts`,
 * `organizations/organization.queries.ts`, `memberships/membership.queries.ts`, `invitations/invitation.queries.ts`).
 * This scans the string and template literals of every other lib's sources (specs excluded; migrations are not a lib
 * under libs/) for SQL naming one of them — `FROM users`, `JOIN memberships m`, `UPDATE organizations`, … — and for
 * TypeORM's query-builder forms (`.from('users', 'u')`, `.leftJoin('organizations', …)`, `.innerJoin('memberships', …)`,
 * or identity's entity classes passed to them or to `getRepository`).
 */
const IDENTITY_TABLES = ['users', 'organizations', 'memberships', 'federation_affiliations', 'invitations'];
const IDENTITY_ENTITIES = ['User', 'Organization', 'Membership', 'FederationAffiliation', 'Invitation'];
const TABLE = `(?:public\\.)?"?(${IDENTITY_TABLES.join('|')})"?`;
const IN_SQL = new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+${TABLE}(?![\\w.(])`, 'gi');
/** A `from: 'organizations organization JOIN …'` property: SQL that a statement puts after its FROM. */
const FIRST_TABLE = new RegExp(`^\\s*${TABLE}(?![\\w.(])`, 'i');
const BUILDER_METHODS = new Set([
  'from',
  'join',
  'leftJoin',
  'innerJoin',
  'leftJoinAndSelect',
  'innerJoinAndSelect',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
  'update',
  'into',
  'getRepository',
  'createQueryBuilder',
  'findOne',
  'find',
  'insert',
  'delete',
]);

const libs = join(__dirname, '..', '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text of a literal, a template's parts joined by a placeholder (so SQL split by `${…}` reads as one). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ${…} ');
  return null;
}

/** Every place in `file`'s source that names an identity table in SQL or a query builder. */
export function identityTableUses(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const uses: string[] = [];
  const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) for (const match of text.matchAll(IN_SQL)) uses.push(`${where(node)} ${match[0]}`);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      if (BUILDER_METHODS.has(method) && first) {
        const named = literalText(first)
          ?.trim()
          .replace(/^public\./, '');
        if (named && IDENTITY_TABLES.includes(named)) uses.push(`${where(node)} .${method}('${named}')`);
        if (ts.isIdentifier(first) && IDENTITY_ENTITIES.includes(first.text))
          uses.push(`${where(node)} .${method}(${first.text})`);
      }
    }
    if (ts.isPropertyAssignment(node) && /^(from|join|table)$/.test(node.name.getText(tree))) {
      const named = literalText(node.initializer)?.match(FIRST_TABLE)?.[1];
      if (named) uses.push(`${where(node)} ${node.name.getText(tree)}: '${named} …'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return uses;
}

describe('identity’s tables', () => {
  it('are named in SQL by no lib but identity (the others use its *.queries.ts ports)', () => {
    const others = readdirSync(libs).filter((lib) => lib !== 'identity' && existsSync(join(libs, lib, 'src')));
    expect(others.length).toBeGreaterThan(5);
    const uses = others.flatMap((lib) =>
      sources(join(libs, lib, 'src')).flatMap((file) =>
        identityTableUses(relative(libs, file), readFileSync(file, 'utf8')),
      ),
    );
    expect(uses).toEqual([]);
  });

  it('catches each form it looks for, and not the ports or plain words', () => {
    const uses = identityTableUses(
      'x.ts',
      [
        'q.query(`SELECT u.id FROM users u JOIN threads t ON t.id = $1`);',
        "q.query('SELECT 1 FROM public.memberships m');",
        'q.query(`SELECT ${a} FROM notifications n\n  JOIN\n    organizations o ON o.id = ${b}`);',
        "b.from('users', 'u').leftJoin('organizations', 'o', 'o.id = u.id').innerJoin('memberships', 'm', '');",
        'manager.getRepository(Invitation);',
        "q.query('UPDATE federation_affiliations SET x = 1');",
        "const branch = { from: `organizations organization`, join: 'spaces s' };",
        // Not uses: the ports, JS names, prose, other tables that merely start alike.
        'q.query(`SELECT u.id FROM ${UserQueries.rowsSql()} u`);',
        "const users = actor.memberships.map((m) => m.organizationId); // reads from users' memberships",
        "q.query('SELECT 1 FROM users_archive JOIN space_memberships sm ON true');",
        "b.from(UserQueries.rowsSql(), 'u'); const p = `/invitations/accept`;",
      ].join('\n'),
    );
    // The template on line 3 spans three lines.
    expect(uses).toEqual([
      'x.ts:1 FROM users',
      'x.ts:2 FROM public.memberships',
      'x.ts:3 JOIN\n    organizations',
      "x.ts:6 .innerJoin('memberships')",
      "x.ts:6 .leftJoin('organizations')",
      "x.ts:6 .from('users')",
      'x.ts:7 .getRepository(Invitation)',
      'x.ts:8 UPDATE federation_affiliations',
      "x.ts:9 from: 'organizations …'",
    ]);
  });
});
