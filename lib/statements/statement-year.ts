import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const t = dashboardText("statements");

/** A year a statement can be asked for: from 2000 to next year. */
export const statementYear = z.coerce
  .number({ error: t("yearErrors.year") })
  .int(t("yearErrors.year"))
  .min(2000, t("yearErrors.from2000"))
  .refine((year) => year <= new Date().getUTCFullYear() + 1, t("yearErrors.notBegun"));
