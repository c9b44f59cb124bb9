/**
 * Java's `Double.toString`: SeaTunnel renders every rate metric this way, so `0` is `"0.0"`,
 * `20.408163265306122` stays as is, `12345678` is `"1.2345678E7"` and `0.0001` is `"1.0E-4"`.
 */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Scientific notation: JS gives "1.2345678e+7"; Java gives "1.2345678E7" (mantissa always has a fraction).
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const fraction = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${fraction}E${Number(exponent)}`;
}
