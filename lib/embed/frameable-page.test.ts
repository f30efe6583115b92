import { describe, expect, it } from "vitest";
import { frameableOrganisation } from "./frameable-page";

const at = (path: string) => new URL(path, "http://localhost:3100");

describe("the pages a site may frame", () => {
  it("are the donation page and the completion page, for the organisation they belong to", () => {
    expect(frameableOrganisation(at("/give/save-the-river"))).toBe("save-the-river");
    expect(frameableOrganisation(at("/give/save-the-river?fund=boats&amount=25"))).toBe("save-the-river");
    expect(frameableOrganisation(at("/donation/complete?organisation=save-the-river&payment_intent=pi_1"))).toBe("save-the-river");
  });

  it("are no other page: the dashboard, sign-in, deeper paths, a completion page for no organisation", () => {
    for (const path of [
      "/",
      "/dashboard/save-the-river",
      "/signin",
      "/give/save-the-river/extra",
      "/give/",
      "/give/Save_The_River",
      "/donation/complete",
      "/donation/complete?organisation=",
      "/donation/complete/x?organisation=save-the-river",
      "/g/abc",
    ]) {
      expect(frameableOrganisation(at(path)), path).toBeNull();
    }
  });
});
