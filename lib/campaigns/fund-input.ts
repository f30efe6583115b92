// What an admin types to create or change a fund: what gifts go to (name, address, description).
import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { slugField } from "@/lib/organisations/organisation-input";

export const MAX_FUND_DESCRIPTION = 1_000;

const text = dashboardText("funds");

export const fundFormSchema = z.object({
  fundId: z.string().max(40).optional().default(""),
  name: z.string().trim().min(2, text("validation.nameShort")).max(80, text("validation.nameLong")),
  slug: slugField,
  description: z
    .string()
    .trim()
    .max(MAX_FUND_DESCRIPTION, text("validation.descriptionLong", { max: MAX_FUND_DESCRIPTION.toLocaleString("en-GB") }))
    .optional()
    .default(""),
});

export type FundInput = z.output<typeof fundFormSchema>;
