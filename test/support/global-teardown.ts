import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __majlisE2ePostgres?: { running: { stop(): Promise<void> }; dataDir: string } })
    .__majlisE2ePostgres;
  if (!embedded) return;
  await embedded.running.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
