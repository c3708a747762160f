/**
 * Malformed input is the client's error, checked once for every operation before anything runs:
 * no string anywhere in the arguments (literal or variable) may hold a NUL byte (PostgreSQL
 * cannot store one, so it would fail deep inside a service as a database error), and every
 * ID-typed value must be a UUID, except the live cursors (`after`), which are opaque tokens.
 * The refusal is BAD_USER_INPUT with `issues` naming each bad value's path, e.g.
 * `['input', 'answers', 0, 'value']`, in the request's language.
 *
 * Used by the HTTP server (an Apollo plugin) and the subscription server (`live-server.ts`).
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLID,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Locale } from '../i18n/locale.ts';

/** ID-typed names whose values are not UUIDs: the live cursors. */
const NON_UUID_IDS = new Set(['after']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ISSUES = 20;

const MESSAGES = {
  nul: { id: 'Teks tidak boleh berisi karakter NUL (\\u0000).', en: 'Text must not contain a NUL character (\\u0000).' },
  uuid: { id: 'Bukan pengenal yang sah.', en: 'Not a valid identifier.' },
  invalid: { id: 'Masukan tidak sah.', en: 'The input is not valid.' },
} as const;

export interface InputIssue {
  path: (string | number)[];
  message: string;
}

function collect(value: unknown, type: GraphQLInputType, path: (string | number)[], name: string, locale: Locale, issues: InputIssue[]): void {
  if (issues.length >= MAX_ISSUES || value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) collect(item, nullable.ofType, [...path, index], name, locale, issues);
    }
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    const fields = nullable.getFields();
    for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) collect(fieldValue, field.type, [...path, key], key, locale, issues);
    }
    return;
  }
  if (typeof value !== 'string') return;
  if (value.includes('\u0000')) {
    issues.push({ path, message: MESSAGES.nul[locale] });
  } else if (getNamedType(nullable) === GraphQLID && !NON_UUID_IDS.has(name) && !UUID.test(value)) {
    issues.push({ path, message: MESSAGES.uuid[locale] });
  }
}

/**
 * Every bad value of one operation, or an empty list. Variables that do not coerce are left to
 * GraphQL's own validation, which answers BAD_USER_INPUT for them.
 */
export function findInputIssues(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  locale: Locale,
): InputIssue[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return [];
  const issues: InputIssue[] = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = new Set<string>();
  const inspect = (node: DocumentNode | OperationDefinitionNode) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const definition = typeInfo.getFieldDef();
          if (!definition || definition.args.length === 0 || !field.arguments?.length) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(definition, field, coerced.coerced);
          } catch {
            return;
          }
          for (const argument of definition.args) collect(values[argument.name], argument.type, [argument.name], argument.name, locale, issues);
        },
        FragmentSpread(spread) {
          fragments.add(spread.name.value);
        },
      }),
    );
  inspect(operation);
  // Fragments used by the operation are walked with their own type condition.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && fragments.has(definition.name.value)) inspect({ ...document, definitions: [definition] });
  }
  return issues;
}

/** The refusal for these issues: HTTP 400, or 200 for legacy clients (`request-error-status.ts`). */
export function createInputError(issues: InputIssue[], locale: Locale): GraphQLError {
  return new GraphQLError(MESSAGES.invalid[locale], { extensions: { code: 'BAD_USER_INPUT', issues, http: { status: 400 } } });
}

export function createInputGuardPlugin<C extends { locale: Locale }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext: GraphQLRequestContext<C>) {
          const { schema, document, operation, request, contextValue } = requestContext;
          if (!document || !operation) return;
          const issues = findInputIssues(schema, document, operation, request.variables, contextValue.locale);
          if (issues.length > 0) throw createInputError(issues, contextValue.locale);
        },
      };
    },
  };
}
