import "server-only";
import { ImageRejectedError, prepareImage, type PreparedImage } from "@/lib/images/prepare-image";

/** What the form asks for the logo: keep it (undefined), remove it (null) or replace it. */
export type LogoChange = PreparedImage | null | undefined;

/** The organisation form's `logo` file and `removeLogo` box; a refused upload is a field error. */
export async function readLogoField(file: unknown, removeLogo: boolean): Promise<{ ok: true; logo: LogoChange } | { ok: false; error: string }> {
  // A file input left empty still sends an empty part, and not always a nameless one.
  if (file instanceof File && file.size > 0) {
    try {
      return { ok: true, logo: await prepareImage(new Uint8Array(await file.arrayBuffer())) };
    } catch (error) {
      if (error instanceof ImageRejectedError) return { ok: false, error: error.message };
      throw error;
    }
  }
  return { ok: true, logo: removeLogo ? null : undefined };
}
