// What an uploaded image may be; shared by the server's checks and the form's early warning.
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = "image/png,image/jpeg,image/webp";
export const TOO_LARGE_MESSAGE = "That image is larger than 2 MB. Upload a smaller PNG, JPEG or WebP image.";
