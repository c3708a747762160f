/**
 * HTTP status of GraphQL request errors as the GraphQL-over-HTTP spec asks: a well-formed request
 * whose document does not parse, does not validate, or whose variables or arguments are bad
 * (the input guard) is answered 400 to a client that accepts `application/graphql-response+json`,
 * and 200 with the errors in the body to a legacy `application/json` client. Apollo answers 400
 * to both; this plugin corrects the legacy case and names the media type it chose.
 * A request that is not well-formed (no query, a body that is not JSON) stays 400.
 */
import type { ApolloServerPlugin } from '@apollo/server';

const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
const GRAPHQL_RESPONSE = /application\/graphql-response\+json(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/i;

/** True when the client accepts `application/graphql-response+json` (the spec's media type). */
export function acceptsGraphQLResponse(accept: string | undefined | null): boolean {
  return GRAPHQL_RESPONSE.test(accept ?? '');
}

export function createRequestErrorStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))) return;
          if (acceptsGraphQLResponse(request.http?.headers.get('accept'))) {
            response.http.headers.set('content-type', 'application/graphql-response+json; charset=utf-8');
          } else {
            response.http.status = 200;
            response.http.headers.set('content-type', 'application/json; charset=utf-8');
          }
        },
      };
    },
  };
}
