import { describe, expect, it } from "vitest";
import type { GiftAidDeclaration } from "@/lib/db/generated/client.ts";
import { coveringDeclaration } from "./gift-aid-claim";

const declaration = (change: Partial<GiftAidDeclaration>): GiftAidDeclaration => ({
  id: "gad_1",
  organisationId: "org_1",
  donorId: "donor_1",
  title: null,
  firstName: "Ada",
  lastName: "Lovelace",
  houseNameOrNumber: "12",
  postcode: "SW1A 1AA",
  scope: "this_and_future",
  wordingVersion: "v",
  declaredAt: new Date("2026-05-01T12:00:00Z"),
  cancelledAt: null,
  ...change,
});

describe("the declaration a gift is claimed under", () => {
  it("is the gift's own, unless it was cancelled (replaced on a retry)", () => {
    const own = declaration({ id: "own", scope: "this_gift" });
    expect(coveringDeclaration(own, [], new Date("2020-01-01"))).toBe(own);
    expect(coveringDeclaration({ ...own, cancelledAt: new Date() }, [], new Date())).toBeNull();
  });

  it("is else a declaration for future gifts made before the gift and not cancelled by then", () => {
    const standing = declaration({});
    expect(coveringDeclaration(null, [standing], new Date("2026-05-01T12:00:00Z"))).toBe(standing);
    expect(coveringDeclaration(null, [standing], new Date("2026-05-01T11:59:59Z"))).toBeNull();
    const cancelled = declaration({ cancelledAt: new Date("2026-06-01T00:00:00Z") });
    expect(coveringDeclaration(null, [cancelled], new Date("2026-05-31T23:59:59Z"))).toBe(cancelled);
    expect(coveringDeclaration(null, [cancelled], new Date("2026-06-01T00:00:00Z"))).toBeNull();
  });

  it("never takes a declaration for one gift as covering another", () => {
    expect(coveringDeclaration(null, [declaration({ scope: "this_gift" })], new Date("2027-01-01"))).toBeNull();
  });
});
