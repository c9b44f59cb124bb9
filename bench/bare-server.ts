// Anchor for the job-lookup figure: a bare node:http server answering one constant JSON document
// (the same bytes as a job-info answer), run as its own process like a node. Started by run.ts.
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const body = Buffer.from(process.env['BENCH_BARE_BODY'] ?? '{}');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(port, '127.0.0.1', () => process.send?.({ type: 'ready', port }));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
