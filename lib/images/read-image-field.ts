import "server-only";
import { ImageRejectedError, prepareImage, type PreparedImage } from "./prepare-image";

/** What a form asks for a picture: keep it (undefined), remove it (null) or replace it. */
export type ImageChange = PreparedImage | null | undefined;

/** A form's file field and its "remove" box; a refused upload is a message for the field. */
export async function readImageField(
  file: unknown,
  remove: boolean,
  options: { maxSide?: number } = {},
): Promise<{ ok: true; image: ImageChange } | { ok: false; error: string }> {
  // A file input left empty still sends an empty part, and not always a nameless one.
  if (file instanceof File && file.size > 0) {
    try {
      return { ok: true, image: await prepareImage(new Uint8Array(await file.arrayBuffer()), options) };
    } catch (error) {
      if (error instanceof ImageRejectedError) return { ok: false, error: error.message };
      throw error;
    }
  }
  return { ok: true, image: remove ? null : undefined };
}
