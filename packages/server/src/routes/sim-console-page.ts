/**
 * The simulation console: one self-contained page (no framework, no build step) served by every
 * node at /_sim/console. It polls /_sim/cluster once a second and draws the clock, the nodes (the
 * master marked) and which node runs which job; its buttons post to /_sim/clock/advance and
 * /_sim/driver/tick. Relative URLs, so it works under any host the node is reached by.
 */
export const SIM_CONSOLE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>seatunnel-sim console</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1f2937; background: #f5f7fa; }
  header { background: #4a78b8; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: baseline; }
  header h1 { font-size: 20px; margin: 0; }
  main { padding: 16px 24px; display: grid; gap: 16px; grid-template-columns: 1fr 1fr; }
  section { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px 16px; }
  section.wide { grid-column: 1 / -1; }
  h2 { font-size: 15px; margin: 0 0 8px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef0f3; font-variant-numeric: tabular-nums; }
  .master { color: #b45309; font-weight: 600; }
  .moved { background: #fef3c7; transition: background 2s; }
  .status-RUNNING { color: #15803d; } .status-FAILED { color: #b91c1c; }
  #error { color: #b91c1c; }
  button { padding: 4px 12px; }
  input { width: 6em; }
</style>
</head>
<body>
<header><h1>seatunnel-sim console</h1><span>answered by <b id="answered-by">…</b></span><span id="error"></span></header>
<main>
  <section>
    <h2>Simulation clock</h2>
    <div>time <b id="clock">…</b> · speed <b id="speed">…</b>×</div>
    <p>
      <label>advance by <input id="advance-seconds" type="number" min="0" value="60"> s</label>
      <button id="advance">Advance clock</button>
      <button id="tick">Run a driver tick</button>
    </p>
    <div id="action-result"></div>
  </section>
  <section>
    <h2>Hazelcast</h2>
    <div>cluster <b id="cluster-name">…</b>, members <span id="members">…</span></div>
  </section>
  <section class="wide">
    <h2>Nodes <small>(SeaTunnel members; the oldest is the master)</small></h2>
    <table id="nodes"><thead><tr><th>Node</th><th>Role</th><th>REST</th><th>pid</th><th>Started</th><th>Jobs</th></tr></thead><tbody></tbody></table>
  </section>
  <section class="wide">
    <h2>Running jobs and their owners</h2>
    <table id="jobs"><thead><tr><th>Job</th><th>Name</th><th>Status</th><th>Owner</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script>
  const owners = new Map();
  const cell = (text, className) => { const td = document.createElement('td'); td.textContent = text; if (className) td.className = className; return td; };
  const row = (attrs, cells) => { const tr = document.createElement('tr'); for (const [k, v] of Object.entries(attrs)) tr.setAttribute(k, v); cells.forEach((c) => tr.appendChild(c)); return tr; };
  function draw(view) {
    document.getElementById('answered-by').textContent = view.answeredBy;
    document.getElementById('clock').textContent = view.clock.iso;
    document.getElementById('speed').textContent = String(view.clock.speed);
    document.getElementById('cluster-name').textContent = view.store.clusterName;
    document.getElementById('members').textContent = view.store.members.join(', ');
    const count = (id) => view.jobs.filter((j) => j.owner === id).length;
    document.querySelector('#nodes tbody').replaceChildren(...view.nodes.map((n) => row({ 'data-node': n.name }, [
      cell(n.name), cell(n.isMaster ? 'master' : 'worker', n.isMaster ? 'master' : ''), cell(n.url), cell(String(n.pid)),
      cell(new Date(n.startTime).toISOString()), cell(String(count(n.nodeId)), 'job-count'),
    ])));
    document.querySelector('#jobs tbody').replaceChildren(...view.jobs.map((j) => {
      // A job whose owner changed since the last poll (adopted after its node died) is highlighted.
      const moved = owners.has(j.jobId) && owners.get(j.jobId) !== j.owner;
      owners.set(j.jobId, j.owner);
      return row({ 'data-job': j.jobId, class: moved ? 'moved' : '' }, [
        cell(j.jobId), cell(j.jobName), cell(j.status, 'status-' + j.status), cell(j.ownerName ?? j.owner + ' (gone)', 'owner'),
      ]);
    }));
  }
  async function refresh() {
    try {
      const response = await fetch('cluster', { cache: 'no-store' });
      if (!response.ok) throw new Error('GET /_sim/cluster: ' + response.status);
      draw(await response.json());
      document.getElementById('error').textContent = '';
    } catch (error) {
      document.getElementById('error').textContent = String(error);
    } finally {
      setTimeout(refresh, 1000);
    }
  }
  async function post(path, body) {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    document.getElementById('action-result').textContent = path + ' → ' + response.status + ' ' + (await response.text());
  }
  document.getElementById('advance').onclick = () => post('clock/advance', { seconds: Number(document.getElementById('advance-seconds').value) });
  document.getElementById('tick').onclick = () => post('driver/tick');
  refresh();
</script>
</body>
</html>
`;
