// Limits of the server the browser tests run against (scripts/amply.ts e2e), shared with the tests
// that reach them.

/**
 * New donation attempts per client per 10 minutes. Every browser test gives from 127.0.0.1: room
 * for the whole suite, and still a limit the security tests reach (from another loopback address).
 */
export const E2E_DONATION_ATTEMPTS_PER_CLIENT = 150;
