import { z } from "zod";

/** A year a statement can be asked for: from 2000 to next year. */
export const statementYear = z.coerce
  .number({ error: "Choose a year." })
  .int("Choose a year.")
  .min(2000, "Choose a year from 2000 on.")
  .refine((year) => year <= new Date().getUTCFullYear() + 1, "That year has not begun.");
