// What an admin types to create or change a fund: what gifts go to (name, address, description).
import { z } from "zod";
import { slugField } from "@/lib/organisations/organisation-input";

export const MAX_FUND_DESCRIPTION = 1_000;

export const fundFormSchema = z.object({
  fundId: z.string().max(40).optional().default(""),
  name: z.string().trim().min(2, "Give the fund a name (at least 2 characters).").max(80, "That name is too long (80 characters at most)."),
  slug: slugField,
  description: z
    .string()
    .trim()
    .max(MAX_FUND_DESCRIPTION, `The description is too long (${MAX_FUND_DESCRIPTION.toLocaleString("en-GB")} characters at most).`)
    .optional()
    .default(""),
});

export type FundInput = z.output<typeof fundFormSchema>;
