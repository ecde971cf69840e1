import { readFileSync } from 'node:fs';

/** A scalar column as `schema.prisma` declares it. */
export interface SchemaColumn {
  field: string;
  column: string;
  prismaType: string;
  nativeType: string | null;
  optional: boolean;
  list: boolean;
}

export interface SchemaTable {
  model: string;
  table: string;
  columns: SchemaColumn[];
  primaryKey: string[];
  /** Each unique constraint as its column list. */
  uniques: string[][];
  indexes: string[][];
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

/**
 * Reads the models of a Prisma schema into tables and columns, enough to compare with
 * `information_schema` (the constructs this project's schema uses: @map, @@map, @db.*, @id,
 * @@id, @unique, @@unique, @@index, lists and optionals).
 */
export function readPrismaSchema(path: string): SchemaTable[] {
  const text = readFileSync(path, 'utf8').replace(/\/\/.*$/gm, '');
  const tables: SchemaTable[] = [];
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{\n([\s\S]*?)^\}/gm)) {
    const model = m[1]!;
    const body = m[2]!;
    const columns: SchemaColumn[] = [];
    const primaryKey: string[] = [];
    const uniques: string[][] = [];
    const indexes: string[][] = [];
    let table = model;
    const fieldToColumn = new Map<string, string>();
    const blockAttrs: string[] = [];
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith('@@')) {
        blockAttrs.push(line);
        continue;
      }
      const fm = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!fm) continue;
      const [, field, type, list, optional, attrs = ''] = fm;
      if (!SCALARS.has(type!)) continue; // relation field
      const column = attrs.match(/@map\("([^"]+)"\)/)?.[1] ?? field!;
      fieldToColumn.set(field!, column);
      columns.push({
        field: field!,
        column,
        prismaType: type!,
        nativeType: attrs.match(/@db\.(\w+(?:\([^)]*\))?)/)?.[1] ?? null,
        optional: Boolean(optional),
        list: Boolean(list),
      });
      if (/@id\b/.test(attrs)) primaryKey.push(column);
      if (/@unique\b/.test(attrs)) uniques.push([column]);
    }
    const cols = (s: string) => s.split(',').map((f) => fieldToColumn.get(f.trim()) ?? f.trim());
    for (const a of blockAttrs) {
      const map = a.match(/^@@map\("([^"]+)"\)/);
      if (map) table = map[1]!;
      const fields = a.match(/^@@(id|unique|index)\(\[([^\]]+)\]/);
      if (fields) {
        const list = cols(fields[2]!);
        if (fields[1] === 'id') primaryKey.push(...list);
        else if (fields[1] === 'unique') uniques.push(list);
        else indexes.push(list);
      }
    }
    tables.push({ model, table, columns, primaryKey, uniques, indexes });
  }
  return tables;
}
