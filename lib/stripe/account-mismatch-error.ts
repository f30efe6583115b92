/**
 * A Stripe event or object claims an account that is not the one the object belongs to (a signed
 * event from one connected account about another account's payment): refused, nothing written.
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
