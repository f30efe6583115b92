// The demo organisation a first run starts with (prisma/seed.ts), shown on the home page in
// development so a newcomer can sign in and give straight away.
export const DEMO = {
  slug: "demo",
  name: "Amply Demo Charity",
  email: "donations@demo-charity.example",
  country: "DE",
  ownerEmail: "owner@demo-charity.example",
} as const;
