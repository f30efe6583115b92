import "server-only";
import { db } from "@/lib/db/client";
import { forgetFrameAncestors } from "./allowed-frame-ancestors";

/** Store the sites allowed to frame the organisation's donation pages (already normalised). */
export async function updateEmbedOrigins(organisation: { id: string; slug: string }, origins: string[]) {
  await db.organisation.update({ where: { id: organisation.id }, data: { embedOrigins: origins } });
  forgetFrameAncestors(organisation.slug);
}
