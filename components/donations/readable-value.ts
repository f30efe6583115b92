/** An IBAN as banks print it, in groups of four ("DE89 3704 0044 0532 0130 00"); other values as they are. */
export function readableValue(label: string, value: string): string {
  if (label !== "IBAN") return value;
  return value.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}
