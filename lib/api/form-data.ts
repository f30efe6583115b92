// Server actions receive FormData; their zod schemas read a plain object. A name given once is a
// string (or a File), a name given several times (checkboxes) an array, in form order.
export type FormObject = Record<string, FormDataEntryValue | FormDataEntryValue[]>;

export function formObject(form: FormData): FormObject {
  const object: FormObject = {};
  for (const [name, value] of form.entries()) {
    const existing = object[name];
    object[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

/** A text field of a submitted form, or "" when it is missing or is a file (which `String()` would turn into "[object File]"). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
