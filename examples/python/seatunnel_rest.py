"""A small client of the SeaTunnel (Zeta) REST API v2, standard library only (urllib).

It talks to a real SeaTunnel cluster and to seatunnel-sim alike: the simulator answers with
SeaTunnel's paths, shapes and errors. Job ids are 64-bit numbers that SeaTunnel sends as strings;
they stay strings here.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

# Job states after which nothing changes any more (SeaTunnel's JobStatus.isEndState()).
END_STATES = frozenset({"FINISHED", "CANCELED", "FAILED", "SAVEPOINT_DONE", "UNKNOWABLE"})


class SeaTunnelError(Exception):
    """An answer other than 200: SeaTunnel's {"status": "fail", "message": ...}, or a page."""

    def __init__(self, status, message):
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


class SeaTunnelClient:
    def __init__(self, base_url, timeout_seconds=10.0, context_path=""):
        # context_path: seatunnel.engine.http.context-path of the cluster, e.g. "/seatunnel"
        self.base_url = base_url.rstrip("/") + context_path
        self.timeout_seconds = timeout_seconds

    def overview(self):
        return self._request("GET", "/overview")

    def submit_job(self, config, job_name=None):
        """Submits a job config (the JSON form of a SeaTunnel config) and returns its id."""
        query = {"jobName": job_name} if job_name else {}
        return self._request("POST", "/submit-job", query=query, body=config)["jobId"]

    def job_info(self, job_id):
        return self._request("GET", f"/job-info/{job_id}")

    def running_jobs(self):
        return self._request("GET", "/running-jobs")

    def finished_jobs(self, state=None):
        return self._request("GET", "/finished-jobs" + (f"/{state}" if state else ""))

    def stop_job(self, job_id, with_savepoint=False):
        # SeaTunnel reads the id as a number; the string is sent as one so no digit is lost.
        body = f'{{"jobId": {int(job_id)}, "isStopWithSavePoint": {json.dumps(with_savepoint)}}}'
        return self._request("POST", "/stop-job", raw_body=body.encode())

    def wait_for_end(self, job_id, poll_seconds=1.0, timeout_seconds=300.0):
        """Polls job-info until the job is in an end state, as a scheduler's sensor does."""
        deadline = time.monotonic() + timeout_seconds
        while True:
            job = self.job_info(job_id)
            if job.get("jobStatus") in END_STATES:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} still {job.get('jobStatus')} after {timeout_seconds} s")
            time.sleep(poll_seconds)

    def _request(self, method, path, query=None, body=None, raw_body=None):
        url = self.base_url + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = raw_body if raw_body is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            # SeaTunnel's servlets read a JSON body; a form content type would make them fail.
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                message = json.loads(text).get("message")
            except ValueError:
                message = text
            raise SeaTunnelError(error.code, message) from None
