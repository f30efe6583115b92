import { z } from "zod";
import { REFUND_REASONS } from "./refund-reasons";

/** What a refund request carries, from the dashboard's form or the API. */
export const refundRequestSchema = z.object({
  /** In the donation's currency as a person types it; empty refunds all that is left. */
  amount: z.string().trim().max(32, "Enter an amount such as 12.50.").optional(),
  reason: z.enum(REFUND_REASONS, { error: "Choose why you are refunding." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});
