/** A text field of a submitted form, or "" when it is missing or is a file (which `String()` would turn into "[object File]"). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
