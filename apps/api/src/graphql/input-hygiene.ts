import type { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, GraphQLError, Kind, visit } from 'graphql';
import { InvalidInputError, unstorableTextProblem } from '@majlis/kernel';
import type { GraphQLContext } from './graphql-context';

/**
 * THE one input check every operation passes before it runs: every string the client sent — literals in the
 * document (arguments, nested input objects, lists, default values) and every variable value, however deeply
 * nested — must be storable text: no NUL byte (PostgreSQL refuses it in text) and no lone surrogate (not Unicode).
 * Otherwise the whole request answers BAD_USER_INPUT (HTTP 400) naming the offending field, and nothing executes.
 * What each field may further contain (lengths, single line, invisible characters) is the services' zod schemas'.
 */
export function inputHygiene(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems: Record<string, string> = {};
          for (const [name, value] of Object.entries(request.variables ?? {})) checkValue(value, name, problems);
          for (const [path, problem] of Object.entries(literalProblems(document))) problems[path] ??= problem;
          if (Object.keys(problems).length > 0) {
            const refused = new InvalidInputError(problems);
            throw new GraphQLError(refused.message, {
              originalError: refused,
              extensions: { code: refused.code, ...refused.details, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function checkValue(value: unknown, path: string, problems: Record<string, string>): void {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    if (problem) problems[path] ??= problem;
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, `${path}.${index}`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      checkValue(key, `${path}.${key}`, problems);
      checkValue(item, `${path}.${key}`, problems);
    }
  }
}

/**
 * The problems of a document's string literals, found once per parsed document: Apollo keeps parsed documents (its
 * document cache), and their literals do not change, so a repeated operation is not walked again (issue 15: the walk
 * was about 2 % of a reply's CPU).
 */
const literalProblemsOf = new WeakMap<ASTNode, Readonly<Record<string, string>>>();
function literalProblems(document: ASTNode): Readonly<Record<string, string>> {
  let problems = literalProblemsOf.get(document);
  if (!problems) {
    const found: Record<string, string> = {};
    checkDocument(document, found);
    literalProblemsOf.set(document, (problems = found));
  }
  return problems;
}

/** String literals anywhere in the document, named by the arguments and input fields that hold them. */
function checkDocument(document: ASTNode, problems: Record<string, string>): void {
  visit(document, {
    StringValue(node, _key, _parent, _path, ancestors) {
      const problem = unstorableTextProblem(node.value);
      if (!problem) return;
      const names = (ancestors as readonly (ASTNode | readonly ASTNode[])[])
        .filter((ancestor): ancestor is ASTNode => !Array.isArray(ancestor))
        .filter((ancestor) => ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)
        .map((ancestor) => (ancestor as { name: { value: string } }).name.value);
      problems[names.join('.') || 'query'] ??= problem;
    },
  });
}
