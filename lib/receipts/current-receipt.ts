import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Db, Tx } from "@/lib/db/client";

/**
 * The donation (of this organisation only: another organisation's id is not found) and the receipt
 * in force for it: the newest of its chain, the one no correction replaced.
 */
export async function currentReceipt(client: Db | Tx, organisationId: string, donationId: string) {
  const donation = await client.donation.findFirst({
    where: { id: donationId, organisationId },
    select: { id: true, donor: { select: { email: true } } },
  });
  if (!donation) throw new ApiError("not_found", "There is no such donation in this organisation.");
  const receipt = await client.receipt.findFirst({
    where: { donationId, replacedBy: null },
    orderBy: { number: "desc" },
  });
  if (!receipt) throw new ApiError("conflict", "This donation has no receipt yet: it is issued when the payment succeeds.");
  return { donation, receipt, donorEmail: donation.donor?.email ?? null };
}
