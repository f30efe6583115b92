import "server-only";
import { db } from "@/lib/db/client";
import { storeImage } from "@/lib/images/store-image";
import type { GivePageInput } from "./give-page-input";

/** Save the general donation page's story, website and picture; a replaced picture's row goes in the same transaction. */
export async function updateGivePage(organisationId: string, input: GivePageInput) {
  await db.$transaction(async (tx) => {
    // The row locked: two saves replacing the picture at once never delete the same old one twice.
    const [current] = await tx.$queryRaw<Array<{ storyImageId: string | null }>>`
      SELECT "storyImageId" FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
    if (!current) throw new Error(`Organisation ${organisationId} not found`);
    const stored = input.storyImage ? await storeImage(tx, organisationId, "story", input.storyImage) : null;
    await tx.organisation.update({
      where: { id: organisationId },
      data: {
        websiteUrl: input.websiteUrl,
        story: input.story,
        ...(input.storyImage === undefined ? {} : { storyImageId: stored?.id ?? null }),
      },
    });
    if (current.storyImageId && input.storyImage !== undefined) await tx.image.delete({ where: { id: current.storyImageId } });
  });
}
