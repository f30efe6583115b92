// The donor's confirmations of changes to a recurring gift, with a fresh manage link (from APP_URL),
// in the language the gift was started in (RecurringDonation.locale).
import "server-only";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import { formatDate as formatDateIn } from "@/lib/organisations/time-zone";
import { manageUrl } from "./manage-link";

export type GiftForEmail = {
  id: string;
  currency: string;
  /** English when not given. */
  locale?: Locale;
  donor: { email: string; name: string | null };
  /** Dates are the organisation's calendar's (UTC when its zone is not given). */
  organisation: { name: string; email: string; timeZone?: string };
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A date in English, by UTC (the dashboard's and the manage page's). */
export const formatDate = (date: Date) => dateFormat.format(date);

export const intervalWord = (interval: string) => (interval === "year" ? "yearly" : "monthly");

/** The money a gift takes each time, as the donor reads it, in their language. */
export function giftFigure(
  gift: { currency: string },
  amount: bigint | number,
  feeCovered: bigint | number,
  interval: string,
  locale: Locale = DEFAULT_LOCALE,
) {
  const t = translator(locale, "email");
  const fee = BigInt(feeCovered);
  const figure = t("giftFigure", { interval, amount: formatMoney(BigInt(amount), gift.currency, intlLocale(locale)) });
  return fee > 0n ? t("giftFigureWithFee", { figure, fee: formatMoney(fee, gift.currency, intlLocale(locale)) }) : figure;
}

/** Who made a change: the donor, the organisation at the donor's request, or the organisation on its own (leaving Amply). */
export type ChangeMadeBy = "donor" | "organisation_for_donor" | "organisation";

/** What a change's email is written with: the gift's language, its dates and amounts. */
export type ChangeWords = {
  t: ReturnType<typeof translator<"email">>;
  organisation: string;
  date: (instant: Date) => string;
  figure: (amount: bigint | number, feeCovered: bigint | number, interval: string) => string;
};

export function changeEmail(gift: GiftForEmail, write: (words: ChangeWords) => { subject: string; body: string[] }, by: ChangeMadeBy = "donor"): EmailMessage {
  const locale = gift.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "email");
  const organisation = gift.organisation.name;
  const { subject, body } = write({
    t,
    organisation,
    date: (instant) => formatDateIn(instant, gift.organisation.timeZone ?? "UTC", intlLocale(locale)),
    figure: (amount, feeCovered, interval) => giftFigure(gift, amount, feeCovered, interval, locale),
  });
  const email = gift.organisation.email;
  const lines = [
    gift.donor.name ? t("dear", { name: gift.donor.name }) : t("dearSupporter"),
    "",
    ...body,
    "",
    by === "organisation_for_donor"
      ? t("change.atYourRequest", { organisation, email })
      : by === "organisation"
        ? t("change.questions", { email })
        : t("change.notYou", { email }),
    "",
    ...(by === "organisation" ? [] : [t("change.manage", { url: manageUrl(gift.id) }), ""]),
    t("sentBy", { organisation, appUrl: getEnv().APP_URL }),
  ];
  const text = lines.join("\n");
  return {
    to: gift.donor.email,
    subject: t("change.subject", { subject, organisation }),
    text,
    html: `<div lang="${locale}" style="font-family:system-ui,sans-serif;line-height:1.5">${lines.map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : "")).join("")}</div>`,
    kind: "recurring_change",
  };
}
