import { PassThrough } from 'node:stream';
import { printStartBanner, startBanner } from './start-banner';

const facts = {
  baseUrl: 'http://localhost:3000',
  idePath: '/graphiql',
  startupMs: 4200,
  demo: { password: 'Majlis-demo-2026', accounts: ['admin@majlis.example  platform administrator'] },
};

describe('start banner', () => {
  it('ends with the endpoint and the demo accounts, as plain short lines', () => {
    const banner = startBanner(facts);
    expect(banner).toBe(
      [
        '',
        'Majlis is ready (4200 ms).',
        '  Open in a browser  http://localhost:3000/',
        '  GraphQL endpoint   http://localhost:3000/graphql',
        '  GraphQL IDE        http://localhost:3000/graphiql',
        '',
        'Demo accounts (password Majlis-demo-2026):',
        '  admin@majlis.example  platform administrator',
        '',
        '',
      ].join('\n'),
    );
    expect(banner).not.toContain('{');
    expect(banner.split('\n').length).toBeLessThan(15);
  });

  it('leaves out the IDE and the accounts where there are none (production)', () => {
    const banner = startBanner({ ...facts, idePath: null, demo: null });
    expect(banner).toContain('GraphQL endpoint   http://localhost:3000/graphql');
    expect(banner).not.toMatch(/IDE|Demo accounts/);
  });

  it('prints after the lines already written to the same destination', async () => {
    const out = new PassThrough();
    const written: string[] = [];
    out.on('data', (chunk) => written.push(String(chunk)));
    const printed = printStartBanner(facts, out);
    out.write('{"msg":"a framework line"}\n');
    await printed;
    expect(written[0]).toContain('framework line');
    expect(written.at(-1)).toContain('Demo accounts');
  });
});
