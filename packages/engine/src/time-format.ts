const pad = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` in the process time zone, as SeaTunnel formats createTime/finishTime. */
export function formatSeaTunnelTime(epochMillis: number): string {
  const d = new Date(epochMillis);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
