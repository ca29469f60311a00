import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { RESOLVERS } from './resolvers';

const HEADER = '# Generated from the code-first resolvers by `npm run schema`. Do not edit by hand.\n\n';

/** The schema as SDL, sorted, exactly as committed in schema.gql. */
export function schemaToSdl(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Builds the schema from the resolvers' metadata alone: no database, no server. */
export async function buildSchemaSdl(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create(RESOLVERS);
    return schemaToSdl(schema);
  } finally {
    await context.close();
  }
}
