import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.server';
import { describeApiProblem, findReturnPath } from './reporter.server';

describe('findReturnPath', () => {
  it('goes back only to a page of the same agency', () => {
    expect(findReturnPath('/t/inspektorat-bontang/lapor/whistleblowing', 'inspektorat-bontang')).toBe('/t/inspektorat-bontang/lapor/whistleblowing');
    expect(findReturnPath('//evil.example/t/inspektorat-bontang/', 'inspektorat-bontang')).toBeNull();
    expect(findReturnPath('https://evil.example/', 'inspektorat-bontang')).toBeNull();
    expect(findReturnPath('/t/inspektorat-kalbar/lapor', 'inspektorat-bontang')).toBeNull();
    expect(findReturnPath('/t/inspektorat-bontang//evil.example', 'inspektorat-bontang')).toBeNull();
    expect(findReturnPath(null, 'inspektorat-bontang')).toBeNull();
  });
});

describe('describeApiProblem', () => {
  it('turns the API refusing on its own account into friendly words', () => {
    expect(describeApiProblem(new ApiError('RATE_LIMITED', 'x', { retryAfterSeconds: 120 }), 'id')).toBe(
      'Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam 2 menit.',
    );
    expect(describeApiProblem(new ApiError('UNAUTHENTICATED', 'x'), 'en')).toContain('session has ended');
    expect(describeApiProblem(new ApiError('NOT_FOUND', 'x'), 'id')).toBeNull();
  });
});
