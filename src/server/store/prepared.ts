/**
 * Queries compiled once. Kysely builds and compiles a query on every call, and for the short queries every join runs
 * that took longer than SQLite took to answer them. A prepared query is built once with placeholders in place of its
 * values; each call binds its own values to the compiled SQL (values written into the query itself, such as a constant
 * 0, stay as they were). Only the SQL text and the parameters' order are kept: every call still asks the database.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/** A placeholder no caller's value can equal: it starts with a NUL character, which no id, name or code may hold. */
const placeholder = (index: number) => `\u0000hashdrop-prepared-${index}`;

/** Where each parameter of the compiled query comes from: the index of a call's value, or a constant of the query. */
type Slot = { arg: number } | { constant: unknown };

// The database type does not matter to running compiled SQL.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Pick<Kysely<any>, 'executeQuery'>;

export type Prepared<Args extends unknown[], Row> = ((db: AnyDb, ...args: Args) => Promise<QueryResult<Row>>) & {
  /** The compiled SQL and a call's parameters for it, to run the query on a driver directly (sqlite-steps.ts). */
  readonly sql: string;
  parameters(...args: Args): unknown[];
};

/**
 * Compiles `build(...)` once with `arity` placeholders for its arguments. `build` must use each argument as a value
 * (a bound parameter), never to shape the query, since the query is built once for every call.
 */
export function prepare<Args extends unknown[], Row>(
  arity: Args['length'],
  build: (...args: Args) => Compilable<Row>,
): Prepared<Args, Row> {
  const placeholders = Array.from({ length: arity }, (_, index) => placeholder(index));
  const compiled: CompiledQuery<Row> = build(...(placeholders as unknown as Args)).compile();
  const slots: Slot[] = compiled.parameters.map((value) => {
    const arg = placeholders.indexOf(value as string);
    return arg >= 0 ? { arg } : { constant: value };
  });
  const bound = new Set(slots.flatMap((slot) => ('arg' in slot ? [slot.arg] : [])));
  if (bound.size !== arity) throw new Error(`A prepared query binds ${bound.size} of its ${arity} values.`);
  const parameters = (...args: Args) => slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.constant));
  const run = (db: AnyDb, ...args: Args) => db.executeQuery<Row>({ ...compiled, parameters: parameters(...args) });
  return Object.assign(run, { sql: compiled.sql, parameters });
}
