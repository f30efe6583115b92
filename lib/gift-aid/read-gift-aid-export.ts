// One file of a recorded Gift Aid export, exactly as it was recorded (docs/gift-aid.md#exports).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { adjustmentsCsv, scheduleCsv, schedulePart, schedulePartCount, type ScheduleRow } from "./schedule-csv";

export type ExportFile = { kind: "schedule"; part: number } | { kind: "adjustments" };

export async function readGiftAidExportFile(organisationId: string, exportId: string, file: ExportFile) {
  const found = await db.giftAidExport.findFirst({ where: { id: exportId, organisationId } });
  if (!found) throw new ApiError("not_found", "There is no such Gift Aid export in this organisation.");
  const rows = await db.giftAidExportRow.findMany({
    where: { exportId, kind: file.kind === "schedule" ? "donation" : "adjustment" },
    orderBy: { position: "asc" },
  });
  const scheduleRows: ScheduleRow[] = rows.map((row) => ({ ...row, donationDate: row.donationDate.toISOString().slice(0, 10) }));
  const period = `${found.periodStart.toISOString().slice(0, 10)}-to-${found.periodEnd.toISOString().slice(0, 10)}`;
  if (file.kind === "adjustments") {
    if (rows.length === 0) throw new ApiError("not_found", "This export has no adjustments.");
    return { filename: `gift-aid-${period}-adjustments.csv`, body: adjustmentsCsv(scheduleRows) };
  }
  const parts = schedulePartCount(rows.length);
  if (file.part > parts) throw new ApiError("not_found", `This export has ${parts} file${parts === 1 ? "" : "s"}.`);
  return { filename: `gift-aid-${period}-part-${file.part}-of-${parts}.csv`, body: scheduleCsv(schedulePart(scheduleRows, file.part)) };
}
