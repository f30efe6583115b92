// The forms of the manage page, read with zod: every one names the link, the gift and its request id.
import { z } from "zod";

const base = {
  token: z.string().min(1).max(512),
  giftId: z.string().min(1).max(64),
  requestId: z.string().min(8, "Reload the page and try again.").max(100),
};

export const changeGiftSchema = z.object({
  ...base,
  amount: z.string().trim().min(1, "Enter an amount.").max(40),
  interval: z.enum(["month", "year"], { error: "Choose monthly or yearly." }),
  coverFee: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

export const pauseGiftSchema = z.object({
  ...base,
  months: z.coerce
    .number({ error: "Choose 1, 2 or 3 months." })
    .int("Choose 1, 2 or 3 months.")
    .min(1, "Choose 1, 2 or 3 months.")
    .max(3, "Choose 1, 2 or 3 months."),
});

export const plainGiftSchema = z.object(base);

export const cancelGiftSchema = z.object({ ...base, reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional() });

export const finishPaymentMethodSchema = z
  .object({ ...base, setupIntentId: z.string().max(100).optional(), invoiceId: z.string().max(100).optional() })
  .refine((value) => Boolean(value.setupIntentId) !== Boolean(value.invoiceId), { message: "Start again.", path: ["setupIntentId"] });
