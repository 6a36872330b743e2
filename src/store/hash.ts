/**
 * User ids are stored only as a salted hash: enough to count distinct people
 * and group one person's events, never enough to recover the id.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Platform } from './types.ts';

/** Hex characters kept from the HMAC (128 bits: no collisions at any realistic user count). */
export const USER_HASH_LENGTH = 32;

/**
 * HMAC-SHA-256 of `platform:user` keyed with the salt, in hex. The platform is
 * part of the input because Slack and Discord ids are separate namespaces.
 */
export function hashUser(salt: string, platform: Platform, user: string): string {
  return createHmac('sha256', salt).update(`${platform}:${user}`).digest('hex').slice(0, USER_HASH_LENGTH);
}

/** A fresh random salt (256 bits, hex), generated once per store when none is configured. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}
