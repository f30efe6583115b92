// The organisation's general donation page as its admins describe it: a story (Markdown), a picture,
// and its own website, offered to donors after they give.
import { z } from "zod";
import type { FormObject } from "@/lib/api/form-data";
import { MAX_STORY_LENGTH } from "./campaign-input";
import { CAMPAIGN_IMAGE_SIDE } from "@/lib/images/prepare-image";
import { readImageField, type ImageChange } from "@/lib/images/read-image-field";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const message = dashboardText("organisations");

const fields = z.object({
  websiteUrl: z
    .string()
    .trim()
    .max(300, message("validation.websiteLong"))
    .refine((value) => {
      if (!value) return true;
      try {
        const url = new URL(value);
        return url.protocol === "https:" && Boolean(url.hostname) && !url.username && !url.password;
      } catch {
        return false;
      }
    }, message("validation.website")),
  story: z
    .string()
    .trim()
    .max(MAX_STORY_LENGTH, message("validation.storyLong", { max: MAX_STORY_LENGTH.toLocaleString("en-GB") })),
});

export type GivePageInput = { websiteUrl: string | null; story: string | null; storyImage: ImageChange };

const text = (form: FormObject, name: string) => (typeof form[name] === "string" ? form[name] : "");

/** The donation page form as a server action's schema; a refused picture is a field error, like the rest. */
export function givePageFormSchema() {
  return z
    .custom<FormObject>((value) => typeof value === "object" && value !== null)
    .transform(async (form, ctx): Promise<GivePageInput> => {
      const parsed = fields.safeParse({ websiteUrl: text(form, "websiteUrl"), story: text(form, "story") });
      const image = await readImageField(form.storyImage, text(form, "removeStoryImage") === "on", { maxSide: CAMPAIGN_IMAGE_SIDE });
      if (!parsed.success || !image.ok) {
        for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        if (!image.ok) ctx.addIssue({ code: "custom", path: ["storyImage"], message: image.error });
        return z.NEVER;
      }
      return { websiteUrl: parsed.data.websiteUrl || null, story: parsed.data.story || null, storyImage: image.image };
    });
}
