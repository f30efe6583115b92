// The donation page's field errors, from the same schema the server validates with: the browser
// checks the request it is about to send with `donationRequestSchema`, and maps the server's 422
// answer the same way, so the messages a donor sees cannot drift from the server's.
import type * as z from "zod/mini";
import { donationRequestSchema } from "./donation-request";

/** The places on the donation page an error can be shown; `form` is the summary at the top. */
export type DonationField =
  | "amount"
  | "currency"
  | "frequency"
  | "email"
  | "name"
  | "dedication"
  | "fund"
  | "coverFee"
  | "method"
  | "giftAid"
  | "giftAidTitle"
  | "giftAidFirstName"
  | "giftAidLastName"
  | "giftAidHouse"
  | "giftAidPostcode"
  | "form";
export type DonationFieldErrors = Partial<Record<DonationField, string>>;

/** Request paths (as the server's `fields` names them) -> where the page shows them. */
const FIELD_FOR_PATH: Record<string, DonationField> = {
  amount: "amount",
  currency: "currency",
  frequency: "frequency",
  "donor.email": "email",
  "donor.name": "name",
  dedication: "dedication",
  fund: "fund",
  campaign: "fund",
  coverFee: "coverFee",
  method: "method",
  paymentMethodType: "method",
  giftAid: "giftAid",
  "giftAid.wordingVersion": "giftAid",
  "giftAid.title": "giftAidTitle",
  "giftAid.firstName": "giftAidFirstName",
  "giftAid.lastName": "giftAidLastName",
  "giftAid.houseNameOrNumber": "giftAidHouse",
  "giftAid.postcode": "giftAidPostcode",
};

/** The first message for each field, from `{ "donor.email": ["..."] }` (the server's 422 `fields`). */
export function donationFieldErrors(fields: Record<string, string[] | undefined>): DonationFieldErrors {
  const errors: DonationFieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field = FIELD_FOR_PATH[path] ?? "form";
    const message = messages?.[0];
    if (message && !errors[field]) errors[field] = message;
  }
  return errors;
}

/** What the page would send, checked as the server will check it: field errors, or none. */
export function checkDonationRequest(request: z.input<typeof donationRequestSchema>): DonationFieldErrors {
  const result = donationRequestSchema.safeParse(request);
  if (result.success) return {};
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fields[issue.path.join(".")] ??= []).push(issue.message);
  return donationFieldErrors(fields);
}
