const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  devtool: 'source-map',
  // Keep the real __dirname, so files shipped beside main.js (the sample circular) are found.
  node: { __dirname: false },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      // Types are checked by the typecheck target (and CI), not on every build: a start or restart does not wait for them.
      typeCheckOptions: false,
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      externalDependencies: 'all',
      generatePackageJson: true,
      sourceMap: true,
      assets: [{ input: 'apps/api/src/seed/sample-circular', glob: 'circulaire-*.md', output: 'sample-circular' }],
    }),
  ],
};
