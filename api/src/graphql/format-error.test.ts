import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createFormatError, findInvalidInputCode } from './format-error.ts';

function capture() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, formatError: createFormatError(createLogger('info', stream)) };
}

/** A resolver error as GraphQL wraps it, from the database's refusal. */
function fromResolver(cause: unknown): GraphQLError {
  return new GraphQLError('raw', { path: ['submitReport'], originalError: cause as Error });
}

describe('the safety net for values the database refuses', () => {
  it.each([
    ['PostgreSQL (pg, PGlite): invalid uuid', Object.assign(new Error('invalid input syntax for type uuid: "secret"'), { code: '22P02' }), '22P02'],
    ['PostgreSQL: NUL byte', Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }), '22021'],
    ['Prisma: malformed column data', Object.assign(new Error('Inconsistent column data'), { code: 'P2023' }), 'P2023'],
    ['Prisma raw query', Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '22P02' } }), '22P02'],
    ['driver adapter', Object.assign(new Error('adapter'), { cause: { kind: 'postgres', originalCode: '22021' } }), '22021'],
  ])('%s is BAD_USER_INPUT at warn level, without the value', (_name, cause, code) => {
    expect(findInvalidInputCode(cause)).toBe(code);
    const { lines, formatError } = capture();
    const raw = fromResolver(cause);
    const formatted = formatError(raw.toJSON(), raw);
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(40);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('still masks anything else as INTERNAL at error level', () => {
    const { lines, formatError } = capture();
    const raw = fromResolver(Object.assign(new Error('boom'), { code: '42P01' }));
    expect(formatError(raw.toJSON(), raw).extensions?.code).toBe('INTERNAL');
    expect(lines[0]!.level).toBe(50);
  });
});
