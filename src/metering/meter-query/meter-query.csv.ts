import type { MeterQueryAnswer } from './meter-query';

/** The answer as RFC 4180 CSV: one line per row, the value last, empty cells for nulls. */
export function meterQueryCsv(answer: MeterQueryAnswer): string {
  const { shape } = answer;
  const header = [
    'window_start',
    'window_end',
    'subject',
    ...(shape.byCustomer ? ['customer_id'] : []),
    ...shape.dimensions,
    'value',
  ];
  const lines = answer.rows.map((row) => [
    row.windowStart.toISOString(),
    row.windowEnd.toISOString(),
    row.subject,
    ...(shape.byCustomer ? [row.customerId ?? null] : []),
    ...shape.dimensions.map((name) => row.groupBy[name]),
    row.value,
  ]);
  return [header, ...lines].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
