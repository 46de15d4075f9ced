/**
 * The value axis: a round step (1, 2, 2.5 or 5 × a power of ten) giving at most five gridlines,
 * and a top that is a gridline at or above the tallest bar, so no bar rises past the top line
 * and every gridline has its label.
 */
export function valueAxis(tallest: number): { top: number; splits: number[] } {
  const max = Math.max(tallest, 1);
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.ceil(max / step) * step;
  const splits: number[] = [];
  for (let v = 0; v <= top + step / 1000; v += step) splits.push(Math.round(v * 100) / 100);
  return { top, splits };
}
