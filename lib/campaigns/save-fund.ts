import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { FundInput } from "./fund-input";

/** Create a fund (no `fundId`) or change one of this organisation's. */
export async function saveFund(organisationId: string, input: FundInput) {
  const data = { name: input.name, slug: input.slug, description: input.description || null };
  try {
    if (!input.fundId) return await db.fund.create({ data: { organisationId, ...data }, select: { id: true } });
    const { count } = await db.fund.updateMany({ where: { id: input.fundId, organisationId }, data });
    if (count === 0) throw new ApiError("not_found", "That fund does not exist (any more).");
    return { id: input.fundId };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError("validation_failed", "Some fields need your attention.", {
        fields: { slug: ["Another fund of yours has that address; choose another."] },
      });
    }
    throw error;
  }
}
