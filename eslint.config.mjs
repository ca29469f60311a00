import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.data',
      '**/tmp',
      '**/coverage',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/web/src/graphql/generated',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The e2e suites run the real app: they import its factory (and nothing else may import an app).
          allow: ['@majlis/api'],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:migrations'],
            },
            // The web client runs in the browser: pure TypeScript libs only (nothing that pulls in Nest, TypeORM, pg).
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:app', 'type:domain', 'type:kernel', 'type:util'],
            },
            {
              sourceTag: 'type:bench',
              onlyDependOnLibsWithTags: ['type:app', 'type:domain', 'type:kernel', 'type:util'],
            },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
