import type { TotalCount } from '@majlis/kernel';
import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A number, or a count read on demand (see the kernel's TotalCount). */
  totalCount: TotalCount;
}

/** Builds the `<Name>Connection` and `<Name>Edge` types of a Relay connection over `nodeType`. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque cursor of this edge; pass it as `after` to read the next page.' })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}
