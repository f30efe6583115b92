// Stripe's requirement keys, in words an organisation's admin understands.
const LABELS: Array<[RegExp, string]> = [
  [/^external_account$/, "A bank account to receive payouts"],
  [/^tos_acceptance\./, "Accepting Stripe's terms of service"],
  [/^business_profile\.url$/, "Your organisation's website"],
  [/^business_profile\.mcc$/, "What your organisation does (its industry)"],
  [/^business_profile\.product_description$/, "A description of what donations support"],
  [/^business_type$/, "The type of organisation (non-profit, company...)"],
  [/^company\.tax_id$/, "Your organisation's tax or registration number"],
  [/^company\.(name|address|phone)/, "Your organisation's name, address and phone number"],
  [/^company\.verification\.document$/, "A document proving your organisation's registration"],
  [/^(representative|individual|person_[^.]+)\.verification\.(additional_)?document$/, "An identity document for the person representing the organisation"],
  [
    /^(representative|individual|person_[^.]+)\.(first_name|last_name|dob|address|email|phone|id_number|ssn_last_4)/,
    "Personal details of the person representing the organisation",
  ],
  [/^(owners|directors|executives)_provided$/, "Confirming who owns and runs the organisation"],
  [/^settings\.payments\.statement_descriptor$/, "The name donors see on their bank statement"],
];

export function requirementLabel(key: string): string {
  for (const [pattern, label] of LABELS) if (pattern.test(key)) return label;
  // Unknown key: still readable ("company.structure" -> "Company structure").
  const words = key.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Distinct labels, in the order Stripe lists the keys. */
export function requirementLabels(keys: readonly string[]): string[] {
  return [...new Set(keys.map(requirementLabel))];
}

const DISABLED_REASONS: Record<string, string> = {
  "requirements.past_due": "Stripe needs more information before this account can take payments.",
  "requirements.pending_verification": "Stripe is verifying the information you gave; this usually takes a few minutes to a few days.",
  "rejected.fraud": "Stripe rejected this account.",
  "rejected.terms_of_service": "Stripe rejected this account for its terms of service.",
  "rejected.listed": "Stripe rejected this account.",
  "rejected.other": "Stripe rejected this account.",
  listed: "Stripe is reviewing this account.",
  under_review: "Stripe is reviewing this account.",
  other: "Stripe has disabled payments on this account for now.",
};

export function disabledReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return DISABLED_REASONS[reason] ?? "Stripe has disabled payments on this account for now.";
}
