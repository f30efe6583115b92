// Limits of the donation request that the donation page also needs while it draws its fields,
// kept apart from the schema so that drawing them does not load zod.

/** The longest dedication a donor may write (after trimming). */
export const DEDICATION_MAX_LENGTH = 500;

/** The longest donor name (after trimming). */
export const NAME_MAX_LENGTH = 120;

/** The longest house name or number on a Gift Aid declaration (after trimming). */
export const GIFT_AID_HOUSE_MAX_LENGTH = 100;
