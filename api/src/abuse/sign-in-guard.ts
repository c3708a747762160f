/**
 * Who may try a password, and how often (ADR 0016). Stops guessing without letting a
 * stranger lock out the owner or an office:
 * - per account and address: 5 failures free, then each further failure closes that pair
 *   for a delay that doubles (30 s, 1 min, 2 min, … up to an hour); a success reopens it.
 *   A guesser is slowed on the account from their address; the owner's address is another pair.
 * - per account: past 100 failures a day from all addresses (a guesser with many
 *   addresses), only addresses that signed in to the account in the last three weeks may try.
 *   The owner at their usual address keeps signing in.
 * - per address: 100 failed sign-ins per 15 minutes (any accounts) before the address is
 *   refused. Successes do not count, so 50 staff behind one office address sign in freely.
 * Attempts the pair or account rules refuse are answered like a wrong password, and cost
 * the same argon2 work, so no answer tells a stranger whether an account exists or is
 * being limited. Counts of points scale with RATE_LIMIT_SCALE; delays do not.
 * Keys are SHA-256 digests, so the store never holds an email, pseudonym or address as such.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Limiter, LimiterFactory } from './limiter.ts';

export const SIGN_IN_LIMITS = {
  /** Failures of one account from one address before delays start (the window is a day). */
  pairFreeFailures: 5,
  pairWindowSeconds: 24 * 3600,
  /** The first delay after the free failures; it doubles with each further failure. */
  pairFirstDelaySeconds: 30,
  pairMaxDelaySeconds: 3600,
  /** Failures of one account from all addresses in a day before only known addresses may try. */
  accountFailures: 100,
  accountWindowSeconds: 24 * 3600,
  /**
   * How long a successful sign-in makes an address known to the account: three weeks
   * (the in-memory store expires keys with a timer, which cannot exceed 24.8 days).
   */
  knownAddressSeconds: 21 * 24 * 3600,
  /** Failed sign-ins from one address (any accounts) per 15 minutes. */
  addressFailures: 100,
  addressWindowSeconds: 900,
} as const;

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/** The delay after the `failures`-th failure of a pair (0 while still free). */
export function pairDelaySeconds(failures: number, freeFailures: number = SIGN_IN_LIMITS.pairFreeFailures): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 20);
  return Math.min(SIGN_IN_LIMITS.pairFirstDelaySeconds * 2 ** doublings, SIGN_IN_LIMITS.pairMaxDelaySeconds);
}

export class SignInGuard {
  readonly #pairFailures: Limiter;
  readonly #pairClosed: Limiter;
  readonly #accountFailures: Limiter;
  readonly #knownAddresses: Limiter;
  readonly #addressFailures: Limiter;
  readonly #pairFreeFailures: number;
  readonly #accountCeiling: number;

  constructor(makeLimiter: LimiterFactory, scale: number) {
    const scaled = (points: number) => Math.max(1, Math.round(points * scale));
    const limits = SIGN_IN_LIMITS;
    this.#pairFreeFailures = scaled(limits.pairFreeFailures);
    this.#accountCeiling = scaled(limits.accountFailures);
    // Counters that only count: their points are never the refusal (the checks below are).
    this.#pairFailures = makeLimiter('signin-pair', Number.MAX_SAFE_INTEGER, limits.pairWindowSeconds);
    this.#pairClosed = makeLimiter('signin-pair-closed', 1, limits.pairMaxDelaySeconds);
    this.#accountFailures = makeLimiter('signin-account', Number.MAX_SAFE_INTEGER, limits.accountWindowSeconds);
    this.#knownAddresses = makeLimiter('signin-known', Number.MAX_SAFE_INTEGER, limits.knownAddressSeconds);
    this.#addressFailures = makeLimiter('signin-address', scaled(limits.addressFailures), limits.addressWindowSeconds);
  }

  /**
   * Before anything about the account is read: refuses an address with too many failures
   * (RATE_LIMITED; the same for every account, so it tells nothing about one).
   */
  async checkAddress(address: string): Promise<void> {
    const failures = await this.#addressFailures.get(digest(address));
    if (failures && failures.consumedPoints >= this.#addressFailures.points) {
      const retryAfterSeconds = Math.max(1, Math.ceil(failures.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins from this network. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
    }
  }

  /** Whether this address may try a password on this account now (false: answer as wrong, test nothing). */
  async mayTry(account: string, address: string): Promise<boolean> {
    const pair = digest(account, address);
    const [closed, accountFailures] = await Promise.all([this.#pairClosed.get(pair), this.#accountFailures.get(digest(account))]);
    if (closed && closed.consumedPoints > this.#pairClosed.points) return false;
    if (accountFailures && accountFailures.consumedPoints >= this.#accountCeiling) return this.#isKnown(account, address);
    return true;
  }

  /**
   * A failed sign-in: counts against the address always, and, when the password was tested
   * (`tried`), against the pair (closing it for a growing delay) and the account.
   */
  async recordFailure(account: string, address: string, tried: boolean): Promise<void> {
    await this.#addressFailures.penalty(digest(address));
    if (!tried) return;
    const pair = digest(account, address);
    const [pairFailures] = await Promise.all([this.#pairFailures.penalty(pair), this.#accountFailures.penalty(digest(account))]);
    const delay = pairDelaySeconds(pairFailures.consumedPoints, this.#pairFreeFailures);
    if (delay > 0) await this.#pairClosed.block(pair, delay);
  }

  /** A successful sign-in: the pair starts afresh and the address becomes known to the account. */
  async recordSuccess(account: string, address: string): Promise<void> {
    const pair = digest(account, address);
    await Promise.all([this.#pairFailures.delete(pair), this.#pairClosed.delete(pair), this.#knownAddresses.set(pair, 1, SIGN_IN_LIMITS.knownAddressSeconds)]);
  }

  async #isKnown(account: string, address: string): Promise<boolean> {
    const known = await this.#knownAddresses.get(digest(account, address));
    return Boolean(known && known.consumedPoints > 0);
  }
}
