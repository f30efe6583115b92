import { z } from "zod";

/** A calendar day, YYYY-MM-DD, named in messages as the `label` date ("first", "last"). */
export const reportDay = (label: string) =>
  z
    .string({ error: `Choose the ${label} date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Write the ${label} date as YYYY-MM-DD.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      message: `The ${label} date is not a day of the calendar.`,
    });

/** `from` and `to` are calendar days, both included; any range may be asked for (it streams). */
export const reportQuerySchema = z
  .object({ from: reportDay("first"), to: reportDay("last"), format: z.enum(["json", "csv"], { error: "The format is json or csv." }).default("json") })
  .refine((query) => query.from <= query.to, { message: "The last date must not be before the first.", path: ["to"] });
