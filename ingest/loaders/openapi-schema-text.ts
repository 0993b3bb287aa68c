/** Compact, readable renderings of OpenAPI / JSON Schema fragments for chunk text. */

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The last segment of a `$ref`, e.g. "#/components/schemas/User" → "User". */
function refName(ref: unknown): string {
  return typeof ref === 'string' ? decodeURIComponent(ref.split('/').pop() ?? ref) : 'ref';
}

/** A one-word type: "string", "integer(int64)", "array<User>", "User" for an unresolved reference. */
export function schemaType(schema: unknown, depth = 0): string {
  if (!isObj(schema)) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  if (typeof schema.title === 'string' && depth > 0 && schema.type === 'object') return schema.title;
  const rawType = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null').join('|') : schema.type;
  if (rawType === 'array' || (!rawType && schema.items)) return `array<${depth > 3 ? 'any' : schemaType(schema.items, depth + 1)}>`;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length) return list.slice(0, 4).map((s) => schemaType(s, depth + 1)).join(key === 'allOf' ? '&' : '|');
  }
  const base = typeof rawType === 'string' ? rawType : schema.properties ? 'object' : 'any';
  return typeof schema.format === 'string' ? `${base}(${schema.format})` : base;
}

function oneLine(text: unknown, max = 160): string {
  if (typeof text !== 'string') return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Merges allOf members so their properties are listed together. */
function mergedProperties(schema: Obj): { props: Obj; required: Set<string> } {
  const props: Obj = {};
  const required = new Set<string>();
  const visit = (s: unknown, depth: number): void => {
    if (!isObj(s) || depth > 4) return;
    if (isObj(s.properties)) Object.assign(props, s.properties);
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') required.add(r);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part, depth + 1);
  };
  visit(schema, 0);
  return { props, required };
}

function fieldDetails(field: unknown): string {
  if (!isObj(field)) return '';
  const bits: string[] = [];
  if (Array.isArray(field.enum)) bits.push(`one of ${field.enum.slice(0, 12).map(String).join(', ')}`);
  if (field.default !== undefined) bits.push(`default ${JSON.stringify(field.default)}`);
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'maxItems'] as const) {
    if (field[k] !== undefined) bits.push(`${k} ${String(field[k])}`);
  }
  if (field.nullable === true) bits.push('nullable');
  const desc = oneLine(field.description);
  if (desc) bits.push(desc);
  return bits.join('; ');
}

/**
 * Lines "- name (type, required): details" for an object schema's fields, nested fields
 * indented one level (arrays of objects included), within a line budget.
 */
export type RefResolver = (ref: string) => unknown;

export function schemaFieldLines(input: unknown, maxLines = 40, resolve: RefResolver = () => undefined, depth = 0, seen = new Set<unknown>()): string[] {
  // References left in place (circular ones, or all of them when resolution failed) are looked up here.
  const deref = (s: unknown): unknown => (isObj(s) && typeof s.$ref === 'string' ? resolve(s.$ref) : s);
  const schema = deref(input);
  if (!isObj(schema) || depth > 2 || seen.has(schema)) return [];
  seen.add(schema);
  const items = deref(schema.items);
  const target = schemaType(schema).startsWith('array<') && isObj(items) ? items : schema;
  const { props, required } = mergedProperties(target);
  const lines: string[] = [];
  for (const [name, field] of Object.entries(props)) {
    if (lines.length >= maxLines) {
      lines.push(`${'  '.repeat(depth)}- … (${Object.keys(props).length} fields in all)`);
      break;
    }
    const flags = [schemaType(field, 1), required.has(name) ? 'required' : ''].filter(Boolean).join(', ');
    const details = fieldDetails(field);
    lines.push(`${'  '.repeat(depth)}- ${name} (${flags})${details ? `: ${details}` : ''}`);
    lines.push(...schemaFieldLines(field, Math.min(12, maxLines - lines.length), resolve, depth + 1, seen));
  }
  seen.delete(schema);
  return lines;
}

/** A text capped at `max` characters, cut at a line boundary when possible. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - 2);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}\n…`;
}

export { oneLine };
