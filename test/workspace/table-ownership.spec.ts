import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * A lib's tables are its own: every other lib reads them through the owner's ports (its `*.queries.ts`, or an SQL
 * builder that names the table itself, e.g. `DocumentQueries.readableByUserSql`). This scans the string and template
 * literals of every lib's sources (specs excluded; migrations, `bench/` and `apps/` are not libs) for SQL naming
 * another lib's table — `FROM users`, `JOIN memberships m`, `UPDATE organizations`, … — and for TypeORM's
 * query-builder forms (`.from('users', 'u')`, `.leftJoin('organizations', …)`, or an owner's entity class passed to
 * them or to `getRepository`).
 */
const OWNED_TABLES: Readonly<Record<string, readonly string[]>> = {
  identity: [
    'users',
    'organizations',
    'memberships',
    'federation_affiliations',
    'invitations',
    'sessions',
    'refresh_tokens',
    'password_resets',
    'password_reset_requests',
  ],
  documents: [
    'documents',
    'document_versions',
    'document_sections',
    'annotations',
    'annotation_anchors',
    'annotation_revisions',
    'annotation_answers',
  ],
  discussions: [
    'spaces',
    'space_members',
    'threads',
    'thread_reads',
    'comments',
    'comment_mentions',
    'comment_revisions',
    'endorsements',
  ],
  consultations: [
    'consultations',
    'consultation_questions',
    'consultation_invitations',
    'consultation_participations',
    'contributions',
    'contribution_submissions',
  ],
  moderation: ['content_moderation', 'moderation_actions', 'reports'],
  notifications: [
    'notifications',
    'follows',
    'space_notification_levels',
    'notification_settings',
    'notification_fanout_cursor',
    'email_deliveries',
    'consultation_reminders',
  ],
};

const ROOT = resolve(__dirname, '..', '..');
const LIBS = join(ROOT, 'libs');

const ownerOf = new Map(Object.entries(OWNED_TABLES).flatMap(([lib, tables]) => tables.map((t) => [t, lib] as const)));
const TABLE = `(?:public\\.)?"?(${[...ownerOf.keys()].join('|')})"?`;
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

function parse(file: string, source: string): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
}

/** The tables of the `@Entity({ name: 'table' })` classes declared in a source, by class name. */
export function entityTables(tree: ts.SourceFile): [string, string][] {
  return tree.statements.flatMap((statement) => {
    if (!ts.isClassDeclaration(statement) || !statement.name) return [];
    const table = ts
      .getDecorators(statement)
      ?.map((decorator) => decorator.expression)
      .filter((call) => ts.isCallExpression(call) && call.expression.getText(tree) === 'Entity')
      .map((call) => (call as ts.CallExpression).arguments[0])
      .map((options) =>
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(tree) === 'name')
          : options,
      )
      .map((found) => (found && ts.isPropertyAssignment(found) ? found.initializer : found))
      .map((value) => (value ? literalText(value) : null))
      .find(Boolean);
    return table ? [[statement.name.text, table]] : [];
  });
}

export interface TableUse {
  readonly file: string;
  readonly line: number;
  readonly table: string;
  readonly text: string;
}

/** Every place in `file`'s source that names a table of the map in SQL or a query builder (entities by class). */
export function tableUses(file: string, source: string, entities: ReadonlyMap<string, string>): TableUse[] {
  const tree = parse(file, source);
  const uses: TableUse[] = [];
  const use = (node: ts.Node, table: string, text: string) =>
    uses.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, table, text });
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) for (const match of text.matchAll(IN_SQL)) use(node, match[1].toLowerCase(), match[0]);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      if (BUILDER_METHODS.has(method) && first) {
        const named = literalText(first)
          ?.trim()
          .replace(/^public\./, '');
        if (named && ownerOf.has(named)) use(node, named, `.${method}('${named}')`);
        const entity = ts.isIdentifier(first) ? entities.get(first.text) : undefined;
        if (entity) use(node, entity, `.${method}(${(first as ts.Identifier).text})`);
      }
    }
    if (ts.isPropertyAssignment(node) && /^(from|join|table)$/.test(node.name.getText(tree))) {
      const named = literalText(node.initializer)?.match(FIRST_TABLE)?.[1];
      if (named) use(node, named.toLowerCase(), `${node.name.getText(tree)}: '${named} …'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return uses;
}

const libsWithSources = readdirSync(LIBS).filter((lib) => statSync(join(LIBS, lib)).isDirectory());
const files = new Map(
  libsWithSources.map((lib) => [lib, sources(join(LIBS, lib, 'src')).map((path) => relative(LIBS, path))]),
);
const read = (file: string) => readFileSync(join(LIBS, file), 'utf8');

/** Each owner's entity classes, by name, read from their `@Entity` decorators. */
const entities = new Map(
  Object.keys(OWNED_TABLES).flatMap((lib) => files.get(lib)!.flatMap((file) => entityTables(parse(file, read(file))))),
);

/** Every use of a table by a lib that does not own it, as `<file>:<line> <text>` (to find it). */
function foreignUses(): string[] {
  return libsWithSources.flatMap((lib) =>
    files.get(lib)!.flatMap((file) =>
      tableUses(file, read(file), entities)
        .filter((use) => ownerOf.get(use.table) !== lib)
        .map((use) => `${use.file}:${use.line} ${use.text}`),
    ),
  );
}

describe('table ownership', () => {
  it('every entity’s table is listed under the lib that declares it', () => {
    const declared = Object.keys(OWNED_TABLES).flatMap((lib) =>
      files.get(lib)!.flatMap((file) => entityTables(parse(file, read(file))).map(([, table]) => `${lib} ${table}`)),
    );
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((entry) => ownerOf.get(entry.split(' ')[1]) !== entry.split(' ')[0])).toEqual([]);
  });

  // No exceptions: a lib that needs another's rows reads them through the owner's port, and a log another lib keeps
  // (the moderation log under the audit chains) is declared by its owner and registered by the app.
  it('no lib names another lib’s table in SQL (they use the owner’s ports)', () => {
    expect(libsWithSources.length).toBeGreaterThan(8);
    expect(foreignUses()).toEqual([]);
  });

  it('catches each form it looks for, and not the ports or plain words', () => {
    const uses = tableUses(
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
        "q.query('SELECT 1 FROM users_archive JOIN spaces_log sm ON true');",
        "b.from(UserQueries.rowsSql(), 'u'); const p = `/invitations/accept`;",
      ].join('\n'),
      new Map([['Invitation', 'invitations']]),
    );
    // The template on line 3 spans three lines.
    expect(uses.map((use) => `${use.file}:${use.line} ${use.table}: ${use.text}`)).toEqual([
      'x.ts:1 users: FROM users',
      'x.ts:1 threads: JOIN threads',
      'x.ts:2 memberships: FROM public.memberships',
      'x.ts:3 notifications: FROM notifications',
      'x.ts:3 organizations: JOIN\n    organizations',
      "x.ts:6 memberships: .innerJoin('memberships')",
      "x.ts:6 organizations: .leftJoin('organizations')",
      "x.ts:6 users: .from('users')",
      'x.ts:7 invitations: .getRepository(Invitation)',
      'x.ts:8 federation_affiliations: UPDATE federation_affiliations',
      "x.ts:9 organizations: from: 'organizations …'",
      "x.ts:9 spaces: join: 'spaces …'",
    ]);
  });

  it('reads an entity’s table from its decorator', () => {
    const tree = parse('e.ts', "@Entity({ name: 'spaces' }) export class Space {}\n@Entity('x') class X {}");
    expect(entityTables(tree)).toEqual([
      ['Space', 'spaces'],
      ['X', 'x'],
    ]);
  });
});
