// What receipts print about the organisation (legal name, registration number, address, time zone,
// tax statement), validated and saved. Blank fields stay blank: Amply prints no statement it was
// not given (docs/receipts.md#what-a-receipt-prints).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isTimeZone } from "./time-zone";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .max(max, message)
    .optional()
    .transform((value) => value?.trim() || null);

const multiline = (max: number, maxLines: number, message: string) =>
  z
    .string()
    .max(max, message)
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .join("\n"),
    )
    .refine((value) => value.split("\n").length <= maxLines, `Use at most ${maxLines} lines.`);

export const receiptSettingsInput = z.object({
  legalName: optionalText(200, "The legal name is too long (200 characters at most)."),
  registrationNumber: optionalText(100, "The registration number is too long (100 characters at most)."),
  address: multiline(500, 8, "The address is too long (500 characters at most).").transform((value) => value || null),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list, like Europe/Berlin."),
  taxStatement: multiline(2000, 20, "The tax statement is too long (2,000 characters at most)."),
});

export type ReceiptSettings = z.output<typeof receiptSettingsInput>;

export async function updateReceiptSettings(organisationId: string, settings: ReceiptSettings) {
  await db.organisation.update({ where: { id: organisationId }, data: settings });
}
