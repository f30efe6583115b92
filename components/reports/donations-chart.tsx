import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import type { ChartSeries, ChartUnit } from "@/lib/reports/donations-over-time";

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 20;

const labelFormats: Record<ChartUnit, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }),
  week: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }),
  month: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" }),
};

/** "2 Mar", "Week of 1 Mar", "Mar 2027": a bucket by its first day (an ISO date). */
export function bucketLabel(start: string, unit: ChartUnit): string {
  const text = labelFormats[unit].format(new Date(`${start}T00:00:00Z`));
  return unit === "week" ? dashboardText("overview")("chart.weekOf", { day: text }) : text;
}

/**
 * One currency's donations over time as bars, drawn on the server as SVG: no JavaScript reaches the
 * browser. Screen readers get the chart's name and summary, and the same figures as a table.
 */
export function DonationsChart({ series }: { series: ChartSeries }) {
  const { currency, unit, points } = series;
  const max = points.reduce((top, point) => (point.amount > top ? point.amount : top), 0n);
  const total = points.reduce((sum, point) => sum + point.amount, 0n);
  const slot = WIDTH / points.length;
  const barWidth = Math.max(1, slot * 0.8);
  const id = `donations-chart-${currency}`;
  const first = points[0];
  const last = points.at(-1);
  const t = dashboardText("overview");
  const name = t("chart.name", { currency, unit });
  return (
    <figure className="grid gap-2" data-testid={id}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="none">
        <title id={`${id}-title`}>{name}</title>
        <desc id={`${id}-desc`}>{t("chart.summary", { total: formatMoney(total, currency), unit, max: formatMoney(max, currency) })}</desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-400" strokeWidth={1} />
        {points.map((point, index) => {
          // Scaled with integers: amounts can exceed what a float holds exactly.
          const height = max === 0n ? 0 : Number((point.amount * BigInt(HEIGHT - 4)) / max);
          return (
            <rect key={point.start} x={index * slot + (slot - barWidth) / 2} y={HEIGHT - height} width={barWidth} height={height} className="fill-teal-600" />
          );
        })}
        {first ? (
          <text x={0} y={HEIGHT + AXIS - 4} className="fill-slate-600 text-[12px]">
            {bucketLabel(first.start, unit)}
          </text>
        ) : null}
        {last && last !== first ? (
          <text x={WIDTH} y={HEIGHT + AXIS - 4} textAnchor="end" className="fill-slate-600 text-[12px]">
            {bucketLabel(last.start, unit)}
          </text>
        ) : null}
      </svg>
      <figcaption className="text-sm text-slate-600">{name}</figcaption>
      <table className="sr-only">
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.bucket", { unit })}</th>
            <th scope="col">{t("chart.amount")}</th>
            <th scope="col">{t("chart.gifts")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.start}>
              <th scope="row">{bucketLabel(point.start, unit)}</th>
              <td>{formatMoney(point.amount, currency)}</td>
              <td>{point.gifts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
