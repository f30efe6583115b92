// One line of JSON per log entry. Callers pass identifiers and outcomes, never secrets, card data
// or whole payloads.
type Fields = Record<string, unknown>;

function write(level: "info" | "warn" | "error", message: string, fields: Fields = {}) {
  const entry = { level, time: new Date().toISOString(), message, ...fields };
  const line = JSON.stringify(entry, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value instanceof Error ? { name: value.name, message: value.message } : value,
  );
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else if (process.env.NODE_ENV !== "test") console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
