const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * Nx's swc rule leaves the output to swc's defaults (ES5, ES modules, class fields defined); this makes swc emit
 * what tsc would from tsconfig.base.json: CommonJS modules in ES2022, and class fields assigned (`useDefineForClassFields: false`)
 * so that decorated fields of entities and inputs keep their decorator-made accessors.
 */
const swcLikeTsconfig = {
  apply(compiler) {
    const rule = compiler.options.module.rules.find(
      (r) => typeof r?.loader === 'string' && r.loader.includes('swc-loader'),
    );
    if (!rule) throw new Error('webpack.config.js: the swc-loader rule of NxAppWebpackPlugin was not found');
    rule.options.module = { type: 'commonjs' };
    rule.options.jsc.target = 'es2022';
    rule.options.jsc.transform.useDefineForClassFields = false;
    rule.options.jsc.keepClassNames = true;
    rule.options.sourceMaps = true;
  },
};

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  devtool: 'source-map',
  // Keep the real __dirname, so files shipped beside main.js (the sample circular) are found.
  node: { __dirname: false },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      // swc transpiles the sources (types are checked by the typecheck target and CI, not on every build): the first
      // build takes a few seconds instead of ts-loader's twelve.
      compiler: 'swc',
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
    swcLikeTsconfig,
  ],
};
