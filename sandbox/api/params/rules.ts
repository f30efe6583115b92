// The parameter tables' vocabulary and the one validator that reads them. Each resource declares a
// table (sandbox/api/params/<resource>.ts) of what Stripe accepts; the validator refuses what Stripe
// refuses with Stripe's error type, code and bracketed param (`metadata[key]`,
// `payment_method_options[card][foo]`).
import { SUPPORTED_CURRENCIES } from "../../engine/validation";
import { invalid, type Param, type Params } from "../../wire";

export type Rule =
  | { kind: "any" }
  | { kind: "string"; max?: number }
  | { kind: "id" }
  | { kind: "integer"; min?: number; max?: number }
  | { kind: "boolean" }
  | { kind: "enum"; values: readonly string[]; notInSandbox?: readonly string[] }
  | { kind: "notInSandbox"; why: string }
  | { kind: "email" }
  | { kind: "currency" }
  | { kind: "metadata" }
  | { kind: "object"; keys: Table }
  | { kind: "array"; of: Rule }
  | { kind: "range" }
  | { kind: "emptyable"; of: Rule }
  | { kind: "timestampOrNow" };
export type Table = { [param: string]: Rule };

export const anything: Rule = { kind: "any" };
export const string = (max?: number): Rule => ({ kind: "string", max });
/** An object id such as `cus_...`: a non-empty string. */
export const id: Rule = { kind: "id" };
export const integer = (bounds: { min?: number; max?: number } = {}): Rule => ({ kind: "integer", ...bounds });
export const boolean: Rule = { kind: "boolean" };
export const oneOf = (...values: string[]): Rule => ({ kind: "enum", values });
/**
 * A parameter real Stripe accepts and the sandbox does not implement: refused with a sandbox error
 * (never accepted and ignored, which would let a test pass that Stripe would answer differently).
 */
export const notInSandbox = (why: string): Rule => ({ kind: "notInSandbox", why });
/** An enum whose `refused` values Stripe accepts and the sandbox does not implement. */
export const oneOfInSandbox = (values: string[], refused: string[]): Rule => ({ kind: "enum", values, notInSandbox: refused });
export const email: Rule = { kind: "email" };
export const currency: Rule = { kind: "currency" };
export const metadata: Rule = { kind: "metadata" };
export const object = (keys: Table): Rule => ({ kind: "object", keys });
export const arrayOf = (of: Rule): Rule => ({ kind: "array", of });
/** `created`-style filters: an integer, or an object of gt / gte / lt / lte integers. */
export const range: Rule = { kind: "range" };

/** A parameter an empty string unsets (`pause_collection=""`). */
export const emptyable = (of: Rule): Rule => ({ kind: "emptyable", of });
/** A Unix timestamp, or `now` (`trial_end`). */
export const timestampOrNow: Rule = { kind: "timestampOrNow" };

/** Real Stripe parameters the sandbox does not implement: refused by name, never ignored. */
export const notImplemented = (...names: string[]): Table => Object.fromEntries(names.map((name) => [name, notInSandbox("not implemented in the sandbox")]));

export const expand = arrayOf(string());

/** Parameters every list endpoint takes (Stripe clamps nothing: `limit` outside 1..100 is refused). */
export const LIST: Table = {
  limit: integer({ min: 1, max: 100 }),
  starting_after: id,
  ending_before: id,
  created: range,
  expand,
};
export const EXPAND: Table = { expand };

const METADATA_KEYS = 50;
const METADATA_KEY_LENGTH = 40;
const METADATA_VALUE_LENGTH = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const describe = (value: Param) => (typeof value === "string" ? value : JSON.stringify(value));

const emptyRefused = (name: string) =>
  invalid(
    `You passed an empty string for '${name}'. We assume empty values are an attempt to unset a parameter; however '${name}' cannot be unset. You should remove '${name}' from your request or supply a non-empty value.`,
    name,
    "parameter_invalid_empty",
  );

const sandboxRefuses = (name: string, why: string) =>
  invalid(`The Stripe sandbox refuses ${name} deliberately: ${why}. Real Stripe accepts it; the sandbox would otherwise ignore it silently.`, name);

/** Refuse the request as Stripe would if `params` does not fit `table`; otherwise return nothing. */
export function validate(params: Params, table: Table, prefix = ""): void {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    const rule = table[key];
    if (rule === undefined) throw invalid(`Received unknown parameter: ${name}`, name, "parameter_unknown");
    check(value, rule, name);
  }
}

function check(value: Param, rule: Rule, name: string): void {
  switch (rule.kind) {
    case "any":
      return;
    case "string":
    case "id":
      if (typeof value !== "string") throw invalid(`Invalid string: ${describe(value)}`, name);
      if (rule.kind === "id" && value === "") throw emptyRefused(name);
      if (rule.kind === "string" && rule.max !== undefined && value.length > rule.max) {
        throw invalid(`Invalid ${name}: must be at most ${rule.max} characters`, name);
      }
      return;
    case "integer": {
      if (value === "") throw emptyRefused(name);
      if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${describe(value)}`, name, "parameter_invalid_integer");
      const number = Number(value);
      if (rule.min !== undefined && number < rule.min) {
        throw invalid(`This value must be greater than or equal to ${rule.min}.`, name, "parameter_invalid_integer");
      }
      if (rule.max !== undefined && number > rule.max)
        throw invalid(`This value must be less than or equal to ${rule.max}.`, name, "parameter_invalid_integer");
      return;
    }
    case "boolean":
      if (value === "") throw emptyRefused(name);
      if (value !== "true" && value !== "false") throw invalid(`Invalid boolean: ${describe(value)}`, name);
      return;
    case "enum":
      if (value === "") throw emptyRefused(name);
      if (typeof value !== "string" || !rule.values.includes(value)) {
        throw invalid(`Invalid ${name}: must be one of ${rule.values.join(", ")}`, name);
      }
      if (rule.notInSandbox?.includes(value)) throw sandboxRefuses(name, `${name}=${value} is not implemented`);
      return;
    case "notInSandbox":
      throw sandboxRefuses(name, rule.why);
    case "email":
      if (typeof value !== "string") throw invalid(`Invalid string: ${describe(value)}`, name);
      if (value !== "" && !EMAIL.test(value)) throw invalid(`Invalid email address: ${value}`, name, "email_invalid");
      return;
    case "currency":
      if (value === "") throw emptyRefused(name);
      if (typeof value !== "string" || !SUPPORTED_CURRENCIES.has(value.toLowerCase())) {
        throw invalid(`Invalid currency: ${describe(value)}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].join(", ")}`, name);
      }
      return;
    case "metadata":
      return checkMetadata(value, name);
    case "object":
      if (typeof value !== "object" || Array.isArray(value)) {
        if (value === "") throw emptyRefused(name);
        throw invalid(`Invalid object: ${name} must be an object (a hash of parameters), got ${describe(value)}`, name);
      }
      return validate(value, rule.keys, name);
    case "array": {
      // `a[0]=x` arrives as an array, `a[]=x` too; a lone `a=x` is not an array.
      const items = Array.isArray(value)
        ? value
        : value && typeof value === "object" && Object.keys(value).every((k) => /^\d+$/.test(k))
          ? Object.values(value)
          : null;
      if (items === null) {
        if (value === "") throw emptyRefused(name);
        throw invalid(`Invalid array: ${name} must be an array, got ${describe(value)}`, name);
      }
      items.forEach((item, index) => check(item, rule.of, `${name}[${index}]`));
      return;
    }
    case "emptyable":
      if (value === "") return;
      return check(value, rule.of, name);
    case "timestampOrNow":
      if (value === "now") return;
      return check(value, integer({ min: 0 }), name);
    case "range":
      if (typeof value === "string") return check(value, integer(), name);
      return check(value, object({ gt: integer(), gte: integer(), lt: integer(), lte: integer() }), name);
  }
}

function checkMetadata(value: Param, name: string) {
  if (value === "") return; // unsets every key
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object: ${name} must be a hash of string keys and values`, name);
  const keys = Object.keys(value);
  if (keys.length > METADATA_KEYS) throw invalid(`Invalid ${name}: at most ${METADATA_KEYS} keys are allowed, got ${keys.length}`, name);
  for (const [key, item] of Object.entries(value)) {
    const param = `${name}[${key}]`;
    if (key.length > METADATA_KEY_LENGTH) throw invalid(`Invalid key: ${key} must be a string under ${METADATA_KEY_LENGTH + 1} characters`, param);
    if (typeof item !== "string") throw invalid(`Invalid val: ${describe(item)} must be a string`, param);
    if (item.length > METADATA_VALUE_LENGTH) {
      throw invalid(
        `Metadata values can have up to ${METADATA_VALUE_LENGTH} characters, but you passed in a value that is ${item.length} characters. Invalid value: ${item.slice(0, 40)}...`,
        param,
      );
    }
  }
}
