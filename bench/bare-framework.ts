/**
 * What the stack costs on its own: NestJS + @nestjs/graphql on Apollo (code-first, as the API) answering the threads
 * benchmark's list query from 20 threads held in memory — no database, no authentication, no logging, no limits.
 * Its Node CPU per request is the least any API on this stack spends on that answer on this machine: the threads
 * benchmark prints it beside the API and the raw-SQL floor, so their ratio can be read against it.
 */
import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  Field,
  GraphQLModule,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';

@ObjectType('BareAuthor')
class BareAuthor {
  @Field() displayName!: string;
}

@ObjectType('BareThread')
class BareThread {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() pinned!: boolean;
  @Field() lastActivityAt!: Date;
  @Field(() => BareAuthor) author!: BareAuthor;
  @Field(() => Int) replyCount!: number;
  @Field(() => Int) participantCount!: number;
  @Field(() => Int) unreadCount!: number;
}

@ObjectType('BareThreadEdge')
class BareThreadEdge {
  @Field(() => BareThread) node!: BareThread;
}

@ObjectType('BareThreadConnection')
class BareThreadConnection {
  @Field(() => [BareThreadEdge]) edges!: BareThreadEdge[];
}

@ObjectType('BareSpace')
class BareSpace {
  @Field(() => ID) id!: string;
}

/** The page's rows as the API answers them (same field values' shapes), made once. */
export type BareRow = Omit<BareThread, 'lastActivityAt' | 'author'> & { lastActivityAt: string; author: BareAuthor };
let page: BareRow[] = [];

@Resolver(() => BareSpace)
class BareSpaceResolver {
  @Query(() => BareSpace)
  space(@Args('id', { type: () => ID }) id: string): BareSpace {
    return { id };
  }

  @ResolveField(() => BareThreadConnection)
  threads(@Parent() _space: BareSpace, @Args('first', { type: () => Int }) first: number): BareThreadConnection {
    return {
      edges: page.slice(0, first).map((row) => ({ node: { ...row, lastActivityAt: new Date(row.lastActivityAt) } })),
    };
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      path: '/graphql',
      playground: false,
      introspection: false,
    }),
  ],
  providers: [BareSpaceResolver],
})
class BareModule {}

/** Starts the bare app on a free port, answering `rows` (the API's first page, as it answered it). */
export async function startBareFramework(rows: BareRow[]): Promise<{ url: string; close: () => Promise<void> }> {
  page = rows;
  const app: INestApplication = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url: `${url}/graphql`, close: () => app.close() };
}
