// Stripe's requirement keys, in words an organisation's admin understands (lib/i18n/messages/organisations).
import { dashboardText } from "@/lib/i18n/dashboard-text";
import type { Messages } from "@/lib/i18n/messages";

type RequirementKey = keyof Messages["organisations"]["stripeStatus"]["requirements"];

const LABELS: Array<[RegExp, RequirementKey]> = [
  [/^external_account$/, "externalAccount"],
  [/^tos_acceptance\./, "terms"],
  [/^business_profile\.url$/, "website"],
  [/^business_profile\.mcc$/, "industry"],
  [/^business_profile\.product_description$/, "productDescription"],
  [/^business_type$/, "businessType"],
  [/^company\.tax_id$/, "taxId"],
  [/^company\.(name|address|phone)/, "companyDetails"],
  [/^company\.verification\.document$/, "companyDocument"],
  [/^(representative|individual|person_[^.]+)\.verification\.(additional_)?document$/, "identityDocument"],
  [/^(representative|individual|person_[^.]+)\.(first_name|last_name|dob|address|email|phone|id_number|ssn_last_4)/, "personalDetails"],
  [/^(owners|directors|executives)_provided$/, "ownersProvided"],
  [/^settings\.payments\.statement_descriptor$/, "statementDescriptor"],
];

export function requirementLabel(key: string): string {
  for (const [pattern, label] of LABELS) if (pattern.test(key)) return dashboardText("organisations")(`stripeStatus.requirements.${label}`);
  // Unknown key: still readable ("company.structure" -> "Company structure").
  const words = key.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Distinct labels, in the order Stripe lists the keys. */
export function requirementLabels(keys: readonly string[]): string[] {
  return [...new Set(keys.map(requirementLabel))];
}

/** Stripe's reasons for disabling an account, as keys of the message file (dots cannot be part of a key). */
const DISABLED_REASONS = [
  "requirements.past_due",
  "requirements.pending_verification",
  "rejected.fraud",
  "rejected.terms_of_service",
  "rejected.listed",
  "rejected.other",
  "listed",
  "under_review",
  "other",
] as const;

export function disabledReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const known = DISABLED_REASONS.find((candidate) => candidate === reason);
  return dashboardText("organisations")(`stripeStatus.disabledReasons.${known ? (known.replace(".", "_") as Underscored<typeof known>) : "fallback"}`);
}

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;
