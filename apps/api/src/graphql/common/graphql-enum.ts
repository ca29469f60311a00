import { registerEnumType } from '@nestjs/graphql';

/**
 * A GraphQL enum built from a domain lib's list of values, so each enum is written once, in the domain:
 * `graphqlEnum(MOTIVATIONS, 'Motivation')` registers the type and returns `{ COMMENTING: 'COMMENTING', … }`.
 * Every GraphQL enum of the API is made here (no hand-written `enum` with `registerEnumType`).
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

/**
 * The same for values stored in lower case (`['fr', 'ar', 'en']`): GraphQL names them in UPPER_CASE (`FR`), the
 * resolvers still see the stored values (`'fr'`).
 */
export function graphqlEnumUpperCased<const T extends readonly string[]>(
  values: T,
  name: string,
  description?: string,
): { [K in T[number] as Uppercase<K>]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as {
    [K in T[number] as Uppercase<K>]: K;
  };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
