/** The Pothos schema builder and its plugins. Types live in the domain folders. */
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import type { Context } from './context.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [PrismaPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
});

builder.scalarType('Date', {
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)),
  parseValue: (value) => {
    if (typeof value !== 'string' || !ISO_DATE.test(value)) throw new TypeError('Date must be YYYY-MM-DD');
    return value;
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with time zone.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime must be an ISO 8601 instant');
    return date;
  },
});

builder.queryType({});
builder.mutationType({});
