import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every operation under src/ (*.graphql), from the committed schema.gql.
 * `npm run codegen` writes them; `npm run codegen:check` (CI) fails when they drift from the schema or operations.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
        documentMode: 'documentNode',
      },
    },
  },
};
export default config;
