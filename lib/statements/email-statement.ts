import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { hit } from "@/lib/rate-limit/rate-limit";

/** A donor's inbox is not a place to flood: a few statements per donor an hour, and a cap per organisation. */
export const STATEMENT_EMAIL_LIMITS = {
  perDonor: { max: 3, windowSeconds: 60 * 60 },
  perOrganisation: { max: 60, windowSeconds: 60 * 60 },
};

/** Email one donor their statement for `year` (written with its PDF when the outbox sends it). */
export async function emailStatement(organisationId: string, donorId: string, year: number) {
  const donor = await db.donor.findFirst({ where: { id: donorId, organisationId }, select: { id: true, email: true } });
  if (!donor) throw new ApiError("not_found", "There is no such donor in this organisation.");
  for (const [key, limit] of [
    [`statement-email:${donorId}`, STATEMENT_EMAIL_LIMITS.perDonor],
    [`statement-email-org:${organisationId}`, STATEMENT_EMAIL_LIMITS.perOrganisation],
  ] as const) {
    const result = await hit({ key, ...limit });
    if (!result.allowed) {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      throw new ApiError("rate_limited", `Statements have been sent several times already. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
  }
  await enqueueEmail(db, {
    to: donor.email,
    subject: `Your ${year} donation statement`,
    text: "(Written when sent.)",
    kind: "statement",
    statement: { donorId: donor.id, year },
  });
  return { to: donor.email };
}
