// Shared Jest settings: TypeScript through SWC (decorator metadata on, for NestJS), tsconfig paths through Nx's resolver.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.[tj]s$': swcTransform },
  // ES-module-only dependencies, compiled to CommonJS for Jest (Node itself loads them with require(esm)).
  transformIgnorePatterns: ['/node_modules/(?!(approx-string-match)/)'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  coverageReporters: ['text-summary'],
};
