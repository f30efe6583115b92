// What the donation page sends to POST /api/donations. Amounts are integer minor units with a
// currency code; everything a person typed is validated and bounded.
import { z } from "zod";

export const donationRequestSchema = z.object({
  organisation: z.string().min(1).max(64),
  fund: z.string().max(64).optional(),
  campaign: z.string().max(64).optional(),
  amount: z.number({ error: "Enter the amount you want to give." }).int("Amounts are whole numbers of minor units (cents).").positive("Enter an amount above zero."),
  currency: z.string().regex(/^[A-Za-z]{3}$/, "Choose a currency.").transform((c) => c.toUpperCase()),
  coverFee: z.boolean().default(false),
  method: z.enum(["payment_element", "bank_transfer"]).default("payment_element"),
  donor: z.object({
    name: z.string().trim().max(120, "That name is too long.").optional().default(""),
    email: z.email("Enter your email address so we can send your receipt, like name@example.org.").max(254).transform((e) => e.toLowerCase()),
  }),
  anonymous: z.boolean().default(false),
  dedication: z.string().trim().max(500, "Keep your message under 500 characters.").optional(),
  turnstileToken: z.string().max(4096).optional(),
});

export type DonationRequest = z.infer<typeof donationRequestSchema>;

/** The Idempotency-Key the page sends: what it retries with, scoped to the organisation. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Send an Idempotency-Key header of 8 to 64 letters, digits, - or _.");
