// Gift Aid is a UK tax relief on gifts in pounds to UK charities: Amply offers it only when the
// organisation is in the UK (its Stripe account's country, which Stripe verified, over what the
// organisation typed) and the gift is in GBP.

export function isUkOrganisation(organisation: { country: string; stripeAccountCountry: string | null }): boolean {
  return (organisation.stripeAccountCountry ?? organisation.country) === "GB";
}

export function offersGiftAid(organisation: { country: string; stripeAccountCountry: string | null }, currency: string): boolean {
  return isUkOrganisation(organisation) && currency.toUpperCase() === "GBP";
}
