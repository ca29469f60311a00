import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ignore from 'ignore';
import ts from 'typescript';

/**
 * Every line of TypeScript is checked: each tracked `.ts`/`.tsx`/`.mts` file is type-checked by some `typecheck`
 * (a project's target, or the root script's `tsconfig.workspace.json`), linted (it lies in a project with a lint
 * target, or the root `lint` script names it) and formatted (Prettier does not ignore it). A new file outside all of
 * them — a config at the root, a spec a tsconfig leaves out — fails here, naming itself.
 */
const ROOT = resolve(__dirname, '..', '..');

const git = (...args: string[]): string[] =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

const typescriptFiles = git('ls-files', '*.ts', '*.tsx', '*.mts').filter(
  (file) => !file.startsWith('test/support/w3c-annotation-model/'), // the W3C suite's own checker, vendored as is
);

/** The tsconfig files a command line type-checks (`tsc -p <file>`, once or chained). */
function tsconfigsOf(command: string): string[] {
  return [...command.matchAll(/tsc -p (\S+)/g)].map((match) => join(ROOT, match[1]));
}

function typecheckConfigs(): string[] {
  const fromProjects = git('ls-files', '**/project.json', 'project.json').flatMap((file) => {
    const project = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as {
      targets?: { typecheck?: { options?: { command?: string } } };
    };
    return tsconfigsOf(project.targets?.typecheck?.options?.command ?? '');
  });
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  return [...fromProjects, ...tsconfigsOf(scripts['typecheck'])];
}

function filesOf(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  return (parsed?.fileNames ?? []).map((file) => relative(ROOT, file));
}

describe('checked files', () => {
  it('type-checks every TypeScript file', () => {
    const checked = new Set(typecheckConfigs().flatMap(filesOf));
    expect(typescriptFiles.filter((file) => !checked.has(file))).toEqual([]);
  });

  it('lints every TypeScript file', () => {
    const linted = new Set(
      JSON.parse(
        execFileSync(
          join(ROOT, 'node_modules', '.bin', 'nx'),
          ['show', 'projects', '--with-target', 'lint', '--json'],
          {
            cwd: ROOT,
            encoding: 'utf8',
            env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
          },
        ),
      ) as string[],
    );
    const roots = git('ls-files', '**/project.json')
      .filter((file) => linted.has((JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { name: string }).name))
      .map((file) => file.slice(0, -'/project.json'.length));
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const named = new Set(scripts['lint'].split(/\s+/).filter((word) => /\.(ts|tsx|mts)$/.test(word)));
    const inLintedProject = (file: string): boolean => roots.some((root) => file.startsWith(`${root}/`));
    expect(typescriptFiles.filter((file) => !inLintedProject(file) && !named.has(file))).toEqual([]);
  });

  it('formats every TypeScript file written by hand', () => {
    // The web client's GraphQL types are graphql-codegen's output, never edited, checked by `codegen:check` instead.
    const generated = (file: string): boolean => file.startsWith('apps/web/src/graphql/generated/');
    const prettierIgnores = ignore().add(readFileSync(join(ROOT, '.prettierignore'), 'utf8'));
    expect(typescriptFiles.filter((file) => !generated(file) && prettierIgnores.ignores(file))).toEqual([]);
  });
});
