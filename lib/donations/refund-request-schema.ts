import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { REFUND_REASONS } from "./refund-reasons";

const t = dashboardText("donations");

/** What a refund request carries, from the dashboard's form or the API. */
export const refundRequestSchema = z.object({
  /** In the donation's currency as a person types it; empty refunds all that is left. */
  amount: z.string().trim().max(32, t("refundErrors.amount")).optional(),
  reason: z.enum(REFUND_REASONS, { error: t("refundErrors.reason") }),
  note: z.string().trim().max(500, t("refundErrors.note")).optional(),
});
