import { describe, expect, it } from "vitest";
import { readableValue } from "@/components/donations/readable-value";

describe("bank details as the transfer panel shows them", () => {
  it("writes an IBAN in groups of four and leaves other details as they are", () => {
    expect(readableValue("IBAN", "DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(readableValue("IBAN", "NL91 ABNA 0417164300")).toBe("NL91 ABNA 0417 1643 00");
    expect(readableValue("Account number", "12345678")).toBe("12345678");
  });
});
