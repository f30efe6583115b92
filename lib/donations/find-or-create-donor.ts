import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * The organisation's donor with this email, made on first gift. Never changed by an anonymous
 * request: the name given with a gift is kept on the donation. Two first gifts at once both end
 * with the one row.
 */
export async function findOrCreateDonor(organisationId: string, email: string, name: string | null) {
  const where = { organisationId_email: { organisationId, email } };
  const existing = await db.donor.findUnique({ where });
  if (existing) return existing;
  try {
    return await db.donor.create({ data: { organisationId, email, name } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.donor.findUniqueOrThrow({ where });
  }
}
