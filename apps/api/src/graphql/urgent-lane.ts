import type { ApolloServerPlugin } from '@apollo/server';
import { Extensions } from '@nestjs/graphql';
import { GraphQLSchema, Kind, OperationDefinitionNode } from 'graphql';
import { markUrgent } from '../database/request-lanes';
import type { GraphQLContext } from './graphql-context';

const URGENT = 'urgentLane';

/**
 * On a mutation whose outcome depends on when it is served (a submission judged against a deadline): its requests
 * take the database pool's urgent lane (database/request-lanes.ts), ahead of a rush of ordinary requests.
 */
export const UrgentLane = (): MethodDecorator => Extensions({ [URGENT]: true });

/**
 * Moves a request to the urgent lane once its operation is known (before any resolver, so before the session
 * check): a mutation made only of urgent fields. An operation that adds anything else to an urgent field keeps its
 * place in the queue, so the lane cannot carry other work ahead of the rush.
 */
export function urgentLane(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (operation && isUrgent(operation, schema)) markUrgent();
        },
      };
    },
  };
}

export function isUrgent(operation: OperationDefinitionNode, schema: GraphQLSchema): boolean {
  const mutations = schema.getMutationType()?.getFields();
  if (operation.operation !== 'mutation' || !mutations) return false;
  const selections = operation.selectionSet.selections;
  return (
    selections.length > 0 &&
    selections.every(
      (selection) => selection.kind === Kind.FIELD && mutations[selection.name.value]?.extensions?.[URGENT] === true,
    )
  );
}
