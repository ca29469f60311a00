import { registerEnumType } from '@nestjs/graphql';

/**
 * A GraphQL enum built from a domain lib's list of values, so each enum is written once, in the domain:
 * `graphqlEnum(MOTIVATIONS, 'Motivation')` registers the type and returns `{ COMMENTING: 'COMMENTING', … }`.
 */
export function graphqlEnum<const T extends readonly string[]>(
  values: T,
  name: string,
  description?: string,
): { [K in T[number]]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
