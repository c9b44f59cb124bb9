"""Runs one SeaTunnel job the way a scheduler task does (Airflow, DolphinScheduler): submit it,
poll job-info until it ends, report the row counts, and exit non-zero unless it FINISHED.

    python3 run_job.py --submit-url http://127.0.0.1:8080 --read-url http://127.0.0.1:8081

Polling another node than the one that took the job is deliberate: any node of a SeaTunnel
cluster answers for every job.
"""

import argparse
import sys

from seatunnel_rest import SeaTunnelClient

DEMO_JOB = {
    "env": {"job.mode": "BATCH", "parallelism": 1},
    "source": [
        {
            "plugin_name": "FakeSource",
            "plugin_output": "fake",
            "row.num": 100,
            "schema": {"fields": {"name": "string", "age": "int"}},
        }
    ],
    "sink": [{"plugin_name": "Console", "plugin_input": ["fake"]}],
}


def run(submit_url, read_url, job=DEMO_JOB, job_name="python_scheduler_demo", poll_seconds=1.0, timeout_seconds=300.0, out=sys.stdout):
    """Returns the job as job-info shows it at its end."""
    job_id = SeaTunnelClient(submit_url).submit_job(job, job_name=job_name)
    print(f"submitted {job_name} as job {job_id} on {submit_url}", file=out)
    ended = SeaTunnelClient(read_url).wait_for_end(job_id, poll_seconds=poll_seconds, timeout_seconds=timeout_seconds)
    metrics = ended.get("metrics", {})
    print(
        f"job {job_id} {ended['jobStatus']} (read on {read_url}): "
        f"{metrics.get('SourceReceivedCount')} rows read, {metrics.get('SinkWriteCount')} written",
        file=out,
    )
    return ended


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submit-url", default="http://127.0.0.1:8080")
    parser.add_argument("--read-url", default="http://127.0.0.1:8081")
    parser.add_argument("--poll-seconds", type=float, default=1.0)
    args = parser.parse_args(argv)
    ended = run(args.submit_url, args.read_url, poll_seconds=args.poll_seconds)
    return 0 if ended["jobStatus"] == "FINISHED" else 1


if __name__ == "__main__":
    sys.exit(main())
