// A donation page's short link and QR code, for posters and events. It takes any /give/... path of
// the organisation (its page, a fund, a campaign), so every page that has one can show this.
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { shortLinkFor } from "@/lib/embed/short-link-for";
import { shortLinkQrSvg } from "@/lib/embed/short-link-qr";

type Props = { organisation: { id: string; slug: string }; path: string; title: string };

export async function ShortLinkPanel({ organisation, path, title }: Props) {
  const link = await shortLinkFor(organisation, path);
  const svg = await shortLinkQrSvg(link.url);
  const download = `/api/organisations/${organisation.id}/short-links/${link.code}/qr`;
  const page = `${getEnv().APP_URL.replace(/\/$/, "")}${link.targetPath}`;
  const t = dashboardText("share");
  return (
    <li className="grid grid-cols-[6rem_1fr] items-start gap-4" data-testid={`share-${link.targetPath}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server */}
      <img src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} width={96} height={96} alt={t("shortLink.qrAlt", { title })} />
      <div className="grid min-w-0 gap-1">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        <p className="break-all text-sm">
          {t("shortLink.shortLink")}
          <a href={link.url} className="font-mono font-semibold text-teal-800 underline">
            {link.url}
          </a>
        </p>
        <p className="break-all text-xs text-slate-600">{t("shortLink.opens", { page })}</p>
        <p className="flex flex-wrap gap-3 text-sm">
          <a href={`${download}?format=svg`} className="font-semibold text-teal-800 underline" download>
            {t("shortLink.svg")}
            <span className="sr-only">{t("shortLink.forTitle", { title })}</span>
          </a>
          <a href={`${download}?format=png`} className="font-semibold text-teal-800 underline" download>
            {t("shortLink.png")}
            <span className="sr-only">{t("shortLink.forTitle", { title })}</span>
          </a>
        </p>
      </div>
    </li>
  );
}
