/**
 * Helpers over the generated enums (`generated/graphql.ts`: each enum is a string union and a
 * const object of its values, from api/schema.graphql), so the web never lists an enum's values
 * again.
 */

/** Whether a string from outside (a form, a URL, a cookie, stored JSON) is a value of the enum. */
export function isValueOf<Value extends string>(values: Readonly<Record<string, Value>>, value: unknown): value is Value {
  return typeof value === 'string' && (Object.values(values) as string[]).includes(value);
}

/** The enum's values, for a form's choices or a schema (schema order: alphabetical). */
export function valuesOf<Value extends string>(values: Readonly<Record<string, Value>>): Value[] {
  return Object.values(values);
}

/**
 * Every value of an enum in the order a page lists them. The record names each value once and
 * nothing else, so a value added to (or removed from) the schema fails the type check until the
 * page gives it its place.
 */
export function listInOrder<Value extends string>(order: { [Key in Value]: true }): Value[] {
  return Object.keys(order) as Value[];
}
