/** What the start banner tells a newcomer. */
export interface StartBannerFacts {
  readonly baseUrl: string;
  /** The development GraphQL IDE's path, when it is served (not in production). */
  readonly idePath: string | null;
  readonly startupMs: number;
  /** The demo accounts, when the sample data is on: their shared password and one line per account. */
  readonly demo: { readonly password: string; readonly accounts: readonly string[] } | null;
}

/**
 * The short, human-readable block printed last at start (after every JSON log line of the start-up), so that the
 * endpoint and the demo accounts are the last thing on the screen.
 */
export function startBanner(facts: StartBannerFacts): string {
  const lines = [
    '',
    `Majlis is ready (${facts.startupMs} ms).`,
    `  Open in a browser  ${facts.baseUrl}/`,
    `  GraphQL endpoint   ${facts.baseUrl}/graphql`,
    ...(facts.idePath ? [`  GraphQL IDE        ${facts.baseUrl}${facts.idePath}`] : []),
    ...(facts.demo
      ? ['', `Demo accounts (password ${facts.demo.password}):`, ...facts.demo.accounts.map((line) => `  ${line}`)]
      : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Prints the banner on the next turn of the event loop, through `out`: pass the process's log destination
 * (pino writes asynchronously, in order within one destination), so the banner lands below every line it queued.
 */
export async function printStartBanner(
  facts: StartBannerFacts,
  out: { write(text: string): unknown } = process.stdout,
): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  out.write(startBanner(facts));
}
