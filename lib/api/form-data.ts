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
