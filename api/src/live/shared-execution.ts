/**
 * One execution per event, shared by every subscriber who asked the same question.
 *
 * graphql-js executes a subscription's selection once per subscriber and event. When
 * hundreds of staff of one agency follow its inbox with the same query, that is hundreds of
 * identical executions of the same payload. Here a subscription whose root field is in
 * `SHARED_ROOT_FIELDS` gets a share key (the query text, operation name, locale and the
 * variables its selection uses); subscribers whose payload is the same object (the live
 * schema makes one per event) and whose key is the same get one execution's result.
 *
 * Authorisation is untouched: each subscriber's own stream decides, with its own ability,
 * whether an event reaches it at all. Sharing is only sound because the types below those
 * root fields resolve from the payload, the locale and platform-wide state alone, never
 * from the viewer: keep it so (see the descriptions in live.schema.ts).
 */
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  visit,
  type ASTNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
} from 'graphql';

/** Root fields whose payload is the same for everyone who receives it (the viewer decides only whether they receive it). */
export const SHARED_ROOT_FIELDS: ReadonlySet<string> = new Set(['reportUpdates', 'caseUpdates', 'inboxUpdates']);

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Results per payload object, then per share key: gone with the payload. */
const results = new WeakMap<object, Map<string, Result>>();

function variablesUsedIn(nodes: readonly ASTNode[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  return names;
}

/**
 * The share key of a subscription, or null when it cannot be shared: another root field,
 * a root given through a fragment, or directives on the root. The root field's own
 * arguments (the case, the tracking code, the cursor to resume from) are left out: they
 * choose the stream, which each subscriber has of its own, not what a payload shows.
 */
export function shareKeyOf(args: {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  locale: string;
  document: ExecutionArgs['document'];
}): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  const [root, ...others] = operation?.selectionSet.selections ?? [];
  if (!operation || !root || others.length > 0 || root.kind !== Kind.FIELD) return null;
  const field: FieldNode = root;
  if (!SHARED_ROOT_FIELDS.has(field.name.value) || (field.directives?.length ?? 0) > 0) return null;
  const fragments = args.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const used = variablesUsedIn([...(field.selectionSet ? [field.selectionSet] : []), ...fragments]);
  const variables = Object.fromEntries([...used].sort().map((name) => [name, args.variables?.[name] ?? null]));
  return JSON.stringify([args.query, args.operationName ?? null, args.locale, variables]);
}

function executeShared(args: ExecutionArgs, payload: unknown, key: string | null): Result {
  if (key === null || typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
  let byKey = results.get(payload);
  if (!byKey) {
    byKey = new Map();
    results.set(payload, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: payload });
    byKey.set(key, result);
  }
  return result;
}

function isStream(value: AsyncIterable<unknown> | ExecutionResult): value is AsyncIterable<unknown> {
  return typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/** Maps the source stream to results, passing the client's completion back to the source. */
function mapStream(source: AsyncIterator<unknown>, map: (payload: unknown) => Result): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      const step = await source.next();
      return step.done ? { value: undefined, done: true } : { value: await map(step.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-js's `subscribe`, with results shared between subscribers of the same key.
 * `shareKey` gives the key chosen when the subscription was accepted (null: execute alone).
 */
export function createSharedSubscribe(shareKey: (args: ExecutionArgs) => string | null) {
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isStream(source)) return source;
    const key = shareKey(args);
    return mapStream(source[Symbol.asyncIterator](), (payload) => executeShared(args, payload, key));
  };
}
