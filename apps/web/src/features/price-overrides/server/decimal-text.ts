import type { Prisma } from '@tierlens/db';

/** A database decimal as a plain decimal string without trailing zeros (`2.5000000000` → `2.5`), never in exponent form. */
export function decimalText(value: Prisma.Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
