import type { ReactNode } from "react";

/** One column: its header, how to draw a row's cell, and which side figures line up on. */
export type TableColumn<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Amounts align right, so their digits line up. */
  align?: "left" | "right";
  /** Extra classes for this column's cells (e.g. `whitespace-nowrap`). */
  className?: string;
  /** Left out on phones, so that the columns that matter fit without scrolling sideways. */
  hideOnPhone?: boolean;
};

const PHONE_HIDDEN = "hidden sm:table-cell";

const VARIANTS = {
  /** A table standing on the page: its own white panel, shaded header. */
  panel: { wrapper: "overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200", head: "bg-slate-50 text-slate-700", cell: "px-2 py-3 sm:px-4" },
  /** A table inside a card, flush with the card's padding. */
  inset: { wrapper: "overflow-x-auto", head: "text-slate-700", cell: "py-2 pr-4 last:pr-0" },
};

/**
 * The dashboard's data tables: a caption for screen readers, column headers with `scope`, one row
 * per item, and horizontal scrolling on narrow screens instead of squeezed columns.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
  variant = "panel",
  className = "",
  testId,
}: {
  /** What the table lists; read by screen readers, not shown. */
  caption: string;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowTestId?: string;
  variant?: keyof typeof VARIANTS;
  /** Classes for the table element, such as its minimum width before it scrolls. */
  className?: string;
  testId?: string;
}) {
  const style = VARIANTS[variant];
  const classes = (...names: Array<string | undefined | false>) => names.filter(Boolean).join(" ");
  return (
    // A table wider than a phone scrolls sideways inside this region: keyboard users reach it with Tab
    // and scroll it with the arrow keys.
    <div className={classes(style.wrapper, "focus-visible:outline-3 focus-visible:outline-teal-400")} role="region" aria-label={caption} tabIndex={0}>
      <table className={classes("w-full text-left text-sm", className)} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={style.head}>
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={classes(style.cell, column.align === "right" && "text-right", column.hideOnPhone && PHONE_HIDDEN, "font-semibold")}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((column, index) => (
                <td key={index} className={classes(style.cell, column.align === "right" && "text-right", column.hideOnPhone && PHONE_HIDDEN, column.className)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
