// `npm run db:seed` (and every `npm run dev`): the demo organisation and its owner.
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/organisations/seed-demo";

const { organisation, owner } = await seedDemo(db);
console.log(`Seeded ${organisation.name} (/${organisation.slug}); its owner signs in as ${owner.email}.`);
await db.$disconnect();
