import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ImagePurpose } from "@/lib/db/generated/enums.ts";
import type { PreparedImage } from "./prepare-image";

/** Store an image prepareImage() re-encoded; its id (and so its URL) is new for every upload. */
export async function storeImage(tx: Tx, organisationId: string, purpose: ImagePurpose, image: PreparedImage) {
  return tx.image.create({
    data: {
      organisationId,
      purpose,
      contentType: image.contentType,
      width: image.width,
      height: image.height,
      byteSize: image.byteSize,
      sha256: image.sha256,
      bytes: image.bytes,
    },
    select: { id: true },
  });
}
