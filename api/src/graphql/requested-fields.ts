/**
 * Which fields a query asks for below a resolver, so that it reads only what will be sent
 * (graphql-parse-resolve-info applies fragments, inline fragments, @include and @skip).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

function childrenOf(trees: ResolveTree[]): ResolveTree[] {
  return trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields)));
}

/**
 * The names of the fields selected at `path` below the field being resolved (by field name, any
 * alias): `requestedFields(info, 'agencies')` holds 'months' when the query asks for
 * `agencies { months { … } }`. Empty when the path is not selected.
 */
export function requestedFields(info: GraphQLResolveInfo, ...path: string[]): Set<string> {
  const root = parseResolveInfo(info, { keepRoot: false });
  let trees = root && 'fieldsByTypeName' in root ? [root as ResolveTree] : [];
  for (const name of path) trees = childrenOf(trees).filter((tree) => tree.name === name);
  return new Set(childrenOf(trees).map((tree) => tree.name));
}
