/**
 * A query string's deepObject parameters as the object they spell: `filter[subject][$in]=a&
 * filter[subject][$in]=b&filter[time][$gte]=…` → `{ subject: { $in: ['a', 'b'] }, time: { $gte: … } }`,
 * as OpenMeter's SDK sends objects (openapi-fetch, `deepObject`, exploded). A list operand (`$in`,
 * `$nin`) is always a list; `$exists` reads `true`/`false`; any other operand given twice stays a list,
 * for the filter's own check to refuse. Undefined, with the malformed names, when a name does not
 * read as `<name>[key]…[operator]`.
 */
export function deepObjectOf(
  raw: Readonly<Record<string, unknown>>,
  name: string,
): { readonly value?: Record<string, unknown>; readonly malformed: readonly string[] } {
  const root: Record<string, unknown> = {};
  const malformed: string[] = [];
  let found = false;
  for (const [parameter, value] of Object.entries(raw)) {
    if (!parameter.startsWith(`${name}[`)) continue;
    found = true;
    const path = parameter.slice(name.length);
    const keys = [...path.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]);
    if (keys.length < 2 || keys.map((key) => `[${key}]`).join('') !== path || keys.includes('')) {
      malformed.push(parameter);
      continue;
    }
    let node = root;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const operator = keys[keys.length - 1];
    const list = Array.isArray(value) ? value : [value];
    node[operator] =
      operator === '$in' || operator === '$nin'
        ? list
        : list.length !== 1
          ? list
          : operator === '$exists' && (list[0] === 'true' || list[0] === 'false')
            ? list[0] === 'true'
            : list[0];
  }
  return found ? { value: root, malformed } : { malformed };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
