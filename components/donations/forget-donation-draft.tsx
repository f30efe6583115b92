"use client";

import { useEffect } from "react";
import { clearDonationDrafts } from "./donation-draft";

/** On the page that confirms a donation: the details kept for a retry are no longer needed. */
export function ForgetDonationDraft() {
  useEffect(() => clearDonationDrafts(), []);
  return null;
}
