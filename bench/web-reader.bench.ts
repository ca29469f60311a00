/**
 * The reader in Chromium on a ~300 KB version with 1,000 annotations: `npm run bench:web` (needs /usr/bin/chromium).
 * See web-reader.run.ts for what it measures.
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./web-reader.run') as typeof import('./web-reader.run')).main());
