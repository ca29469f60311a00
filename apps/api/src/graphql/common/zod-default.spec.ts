import { z } from 'zod';
import { zodDefault } from './zod-default';

describe('zodDefault', () => {
  it('answers the default the schema gives a field', () => {
    const schema = z.object({ tags: z.array(z.string()).default([]), official: z.boolean().default(false) });
    expect(zodDefault(schema.shape.tags)).toEqual([]);
    expect(zodDefault(schema.shape.official)).toBe(false);
  });

  it('refuses a field without a default, so a GraphQL default cannot be made up', () => {
    expect(() => zodDefault(z.string().optional())).toThrow('has no .default(…)');
  });
});
