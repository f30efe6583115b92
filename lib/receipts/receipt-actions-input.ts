// What an admin sends to resend or correct a donation's receipt, validated.
import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const t = dashboardText("receiptsAdmin");

const donationId = z.string().trim().min(1, t("errors.donation")).max(64, t("errors.donation"));

export const resendReceiptInput = z.object({ donationId });

export const correctReceiptInput = z.object({
  donationId,
  donorName: z.string().trim().min(1, t("errors.nameMissing")).max(200, t("errors.nameTooLong")),
  donorAddress: z
    .string()
    .max(500, t("errors.addressTooLong"))
    .optional()
    .transform((value) => {
      const lines = (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length ? lines.join("\n") : null;
    })
    .refine((value) => value === null || value.split("\n").length <= 8, t("errors.addressLines")),
});

export type CorrectReceiptInput = z.output<typeof correctReceiptInput>;
