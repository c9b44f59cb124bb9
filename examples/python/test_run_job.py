"""Runs the example against a two-node seatunnel-sim cluster that the test starts itself.

    python3 -m unittest -v          (in examples/python)

The cluster is `seatunnel-sim up --store memory` (no Java needed): from this repository's build,
or, when SEATUNNEL_SIM_UP is set, that command (e.g. "npx seatunnel-sim up" in a project that
installed the package). SEATUNNEL_SIM_EXAMPLE_PORT picks the first node's port (30150).
"""

import io
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from run_job import DEMO_JOB, run
from seatunnel_rest import SeaTunnelClient, SeaTunnelError

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_BIN = os.path.join(HERE, "..", "..", "packages", "cli", "bin", "seatunnel-sim.js")
PORT = int(os.environ.get("SEATUNNEL_SIM_EXAMPLE_PORT", "30150"))


def up_command():
    configured = os.environ.get("SEATUNNEL_SIM_UP")
    if configured:
        return shlex.split(configured)
    return ["node", REPO_BIN, "up"]


def wait_until_answers(url, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url + "/overview", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {seconds} s")
        time.sleep(0.3)


def fast(job, rows_per_second=500):
    """The demo job at a higher simulated speed (sim.* keys are the simulator's; SeaTunnel ignores them)."""
    return {**job, "env": {**job["env"], "sim.rows-per-second": rows_per_second}}


class AgainstTwoNodes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log_dir = tempfile.mkdtemp(prefix="seatunnel-sim-python-")
        command = up_command() + ["--store", "memory", "--nodes", "2", "--port", str(PORT), "--log-dir", cls.log_dir]
        cls.output = open(os.path.join(cls.log_dir, "up.out"), "w")
        # Its own session: the whole process tree (npx, the CLI) stops with one signal to the group.
        cls.cluster = subprocess.Popen(command, stdout=cls.output, stderr=subprocess.STDOUT, start_new_session=True)
        cls.node1 = f"http://127.0.0.1:{PORT}"
        cls.node2 = f"http://127.0.0.1:{PORT + 1}"
        try:
            wait_until_answers(cls.node1, 60)
            wait_until_answers(cls.node2, 10)
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            os.killpg(cls.cluster.pid, signal.SIGTERM)
            cls.cluster.wait(timeout=20)
        except ProcessLookupError:
            pass
        cls.output.close()
        shutil.rmtree(cls.log_dir, ignore_errors=True)

    def test_scheduler_run_finishes_and_is_read_on_the_other_node(self):
        out = io.StringIO()
        ended = run(self.node1, self.node2, job=fast(DEMO_JOB), job_name="py_batch", poll_seconds=0.2, timeout_seconds=30, out=out)
        self.assertEqual(ended["jobStatus"], "FINISHED")
        self.assertEqual(ended["jobName"], "py_batch")
        self.assertEqual(ended["metrics"]["SourceReceivedCount"], "100")
        self.assertEqual(ended["metrics"]["SinkWriteCount"], "100")
        self.assertIn(" FINISHED (read on ", out.getvalue())
        # The ended job is in both nodes' history, id as a string.
        for url in (self.node1, self.node2):
            finished = SeaTunnelClient(url).finished_jobs("FINISHED")
            self.assertIn(ended["jobId"], [job["jobId"] for job in finished])

    def test_a_job_stopped_on_one_node_ends_canceled_on_the_other(self):
        streaming = {**DEMO_JOB, "env": {"job.mode": "STREAMING"}}
        job_id = SeaTunnelClient(self.node2).submit_job(streaming, job_name="py_stream")
        self.assertIsInstance(job_id, str)
        running = SeaTunnelClient(self.node1).job_info(job_id)
        self.assertIn(running["jobStatus"], {"PENDING", "RUNNING"})
        self.assertEqual(SeaTunnelClient(self.node1).stop_job(job_id), {"jobId": job_id})
        ended = SeaTunnelClient(self.node2).wait_for_end(job_id, poll_seconds=0.2, timeout_seconds=20)
        self.assertEqual(ended["jobStatus"], "CANCELED")

    def test_a_refused_job_raises_seatunnels_message(self):
        broken = {**DEMO_JOB, "source": [{**DEMO_JOB["source"][0], "plugin_name": "NoSuchSource"}]}
        with self.assertRaises(SeaTunnelError) as raised:
            SeaTunnelClient(self.node1).submit_job(broken)
        # SeaTunnel's job parser refuses it with a 500 and its own words.
        self.assertEqual(raised.exception.status, 500)
        self.assertIn("pluginName='NoSuchSource'} not found.", raised.exception.message)

    def test_an_unknown_job_is_its_id_alone(self):
        self.assertEqual(SeaTunnelClient(self.node2).job_info("123456789012345678"), {"jobId": "123456789012345678"})


if __name__ == "__main__":
    sys.exit(unittest.main())
