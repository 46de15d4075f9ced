/** One figure printed by `npm run bench`: never pass/fail, always a number and what it means. */
export type Report = (name: string, value: number, unit: string, note?: string) => void;

export function tableReporter(): {
  report: Report;
  rows: { section: string; name: string; value: number; unit: string; note: string }[];
  section(name: string): void;
} {
  let current = '';
  const rows: { section: string; name: string; value: number; unit: string; note: string }[] = [];
  return {
    rows,
    section(name) {
      current = name;
      console.log(`\n## ${name}`);
    },
    report(name, value, unit, note = '') {
      rows.push({ section: current, name, value, unit, note });
      const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
      console.log(`  ${name.padEnd(48)} ${shown.padStart(10)} ${unit.padEnd(6)} ${note}`);
    },
  };
}
