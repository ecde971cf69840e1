/** A value {@link formatYaml} can print: JSON data. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/**
 * Prints JSON data as block-style YAML. Every string is double-quoted with JSON escapes
 * (valid YAML, and never read as a number, boolean or null); keys are quoted unless plain
 * identifiers; arrays of scalars are printed inline (`["a", "b"]`). Deterministic: keys keep
 * their insertion order.
 */
export function formatYaml(value: YamlValue, comment?: string): string {
  const header = comment ? `${comment.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n')}\n` : '';
  return `${header}${lines(value, 0).join('\n')}\n`;
}

function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('YAML output needs finite numbers');
  return String(value);
}

function isScalar(value: YamlValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

function inline(value: YamlValue): string | null {
  if (isScalar(value)) return scalar(value);
  if (Array.isArray(value) && value.every(isScalar)) return `[${value.map((v) => scalar(v as string)).join(', ')}]`;
  if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  return null;
}

function lines(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      const short = inline(item);
      if (short !== null) return [`${pad}- ${short}`];
      const [first, ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first!.slice(indent + 2)}`, ...rest];
    });
  }
  return Object.entries(value as { readonly [key: string]: YamlValue }).flatMap(([name, item]) => {
    const short = inline(item);
    if (short !== null) return [`${pad}${key(name)}: ${short}`];
    return [`${pad}${key(name)}:`, ...lines(item, indent + 2)];
  });
}
