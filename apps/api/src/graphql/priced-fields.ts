import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Fields whose work is far above what graphql-armor's cost estimate (objects × scalars × depth) sees, priced as a
 * share of the operation's cost budget. `compareDocumentVersions` diffs two whole versions article by article
 * (tens of milliseconds each, even cached it reads two versions): at most four in one operation.
 */
export const PRICED_FIELDS: Readonly<Record<string, number>> = {
  'Query.compareDocumentVersions': 0.25,
};

/**
 * A validation rule, run with graphql-armor's limits before anything executes: the sum of the priced fields of the
 * operation (every occurrence, aliases included) must stay within the cost budget.
 */
export function pricedFieldsRule(maxCost: number, prices = PRICED_FIELDS): ValidationRule {
  return (context: ValidationContext) => {
    let cost = 0;
    const seen: string[] = [];
    return {
      Field(node) {
        const parent = context.getParentType();
        const key = parent ? `${parent.name}.${node.name.value}` : '';
        const share = prices[key];
        if (share === undefined) return;
        cost += share * maxCost;
        seen.push(node.name.value);
      },
      Document: {
        leave() {
          if (cost <= maxCost) return;
          const fields = [...new Set(seen)].join(', ');
          context.reportError(
            new GraphQLError(
              `Query Cost limit of ${maxCost} exceeded: ${fields} costs ${Math.round(cost / seen.length)} each, ` +
                `${Math.round(cost)} in all. Ask for fewer in one operation.`,
            ),
          );
        },
      },
    };
  };
}
