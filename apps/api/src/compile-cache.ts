import * as nodeModule from 'node:module';

/**
 * On Node ≥ 22.1, V8's compile cache for every module loaded after this one (Nest, Apollo, TypeORM…): compiling them
 * is about a third of the API's module loading, and a restart then reads the compiled code from disk
 * (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE). Imported first by main.ts; nothing on older Node.
 */
const enableCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enableCompileCache === 'function' && !process.env['NODE_DISABLE_COMPILE_CACHE']) enableCompileCache();
