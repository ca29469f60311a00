import { ZodDefault, ZodTypeAny, z } from 'zod';

/**
 * The default a lib's zod schema gives a field, as its GraphQL input's `defaultValue`: each default is written
 * once, in the lib (`@Field({ defaultValue: zodDefault(createThreadInput.shape.tags) })`). A field without
 * `.default(…)` fails at start-up, so the two cannot drift apart.
 */
export function zodDefault<T extends ZodTypeAny>(field: T): z.output<T> {
  if (!(field instanceof ZodDefault)) throw new Error('zodDefault: this field of the schema has no .default(…)');
  return field._def.defaultValue() as z.output<T>;
}
