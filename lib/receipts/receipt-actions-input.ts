// What an admin sends to resend or correct a donation's receipt, validated.
import { z } from "zod";

const donationId = z.string().trim().min(1, "Choose a donation.").max(64, "Choose a donation.");

export const resendReceiptInput = z.object({ donationId });

export const correctReceiptInput = z.object({
  donationId,
  donorName: z.string().trim().min(1, "Give the donor's name as it should appear on the receipt.").max(200, "That name is too long (200 characters at most)."),
  donorAddress: z
    .string()
    .max(500, "That address is too long (500 characters at most).")
    .optional()
    .transform((value) => {
      const lines = (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length ? lines.join("\n") : null;
    })
    .refine((value) => value === null || value.split("\n").length <= 8, "Use at most 8 lines for the address."),
});

export type CorrectReceiptInput = z.output<typeof correctReceiptInput>;
