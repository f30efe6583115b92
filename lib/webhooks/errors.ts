/**
 * The event is signed by Stripe, but its `account` is not the account of the organisation the
 * object belongs to (docs/stripe.md#webhook-verification): refused, and nothing is written.
 */
export class AccountMismatchError extends Error {
  constructor(
    readonly eventAccount: string | null,
    readonly objectId: string,
  ) {
    super(`Event account ${eventAccount ?? "(platform)"} does not own ${objectId}`);
    this.name = "AccountMismatchError";
  }
}
