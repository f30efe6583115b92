import "server-only";
import type { Tx } from "@/lib/db/client";
import type { PreparedImage } from "@/lib/images/prepare-image";
import { storeImage } from "@/lib/images/store-image";

/**
 * Replace (or, with null, remove) an organisation's logo inside the caller's transaction. The old
 * image row goes in the same transaction, so no logo is ever orphaned nor missing.
 */
export async function setOrganisationLogo(tx: Tx, organisationId: string, logo: PreparedImage | null) {
  const current = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { logoImageId: true } });
  const stored = logo ? await storeImage(tx, organisationId, "logo", logo) : null;
  await tx.organisation.update({ where: { id: organisationId }, data: { logoImageId: stored?.id ?? null } });
  if (current.logoImageId) await tx.image.delete({ where: { id: current.logoImageId } });
}
