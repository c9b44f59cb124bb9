import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allNodeLogsHtml, isServableLogName, localLogsHtml, log4jLine, logParam, nodeLogFiles, wantsJson } from '../src/index.js';

describe('log views', () => {
  it('finds the parameter as v1 (with the query) and v2 (path only) do', () => {
    assert.equal(logParam('', null), '');
    assert.equal(logParam('/', null), '');
    assert.equal(logParam('/123', null), '123');
    assert.equal(logParam('/job-1.log/', null), 'job-1.log');
    assert.equal(logParam('/123', 'format=json'), '123?format=json');
    assert.equal(logParam('', 'format=json'), '');
  });

  it('serves plain .log names only', () => {
    for (const ok of ['job-1.log', 'seatunnel-engine-server.log', 'a_b.c.log']) assert.ok(isServableLogName(ok), ok);
    for (const bad of ['../x.log', '..%2Fx.log', 'a/b.log', 'x.txt', '.log', 'x.log?format=json', '', '%2e%2e.log', 'a\\b.log']) {
      assert.ok(!isServableLogName(bad), bad);
    }
  });

  it('lists files of every node, filtered by job id, in SeaTunnel HTML', () => {
    const files = nodeLogFiles(
      [
        { node: 'localhost:8080', logsUrl: 'http://localhost:8080/hazelcast/rest/maps/logs', files: ['job-1.log', 'job-2.log'] },
        { node: 'localhost:8081', logsUrl: 'http://localhost:8081/hazelcast/rest/maps/logs', files: ['job-1.log'] },
      ],
      '1',
    );
    assert.deepEqual(files, [
      { node: 'localhost:8080', logLink: 'http://localhost:8080/hazelcast/rest/maps/logs/job-1.log', logName: 'job-1.log' },
      { node: 'localhost:8081', logLink: 'http://localhost:8081/hazelcast/rest/maps/logs/job-1.log', logName: 'job-1.log' },
    ]);
    assert.equal(
      allNodeLogsHtml(files.slice(0, 1)),
      '<html><head><title>Seatunnel log</title></head>\n<body>\n <h2>Seatunnel log</h2>\n <ul>\n' +
        '<li><a href="http://localhost:8080/hazelcast/rest/maps/logs/job-1.log">localhost:8080-job-1.log</a></li>\n </ul>\n</body></html>',
    );
    assert.match(localLogsHtml(['job-1.log']), /<li><a href="log\/job-1.log">job-1.log<\/a><\/li>/);
    assert.ok(wantsJson('JSON') && wantsJson('json') && !wantsJson('xml') && !wantsJson(undefined));
  });

  it("writes log4j lines in SeaTunnel's layout", () => {
    const at = new Date(2024, 9, 18, 10, 35, 19, 123).getTime();
    assert.equal(
      log4jLine(at, 'INFO', 'o.a.s.e.s.m.JobMaster', 'hz.main.seaTunnel.task.thread-3', 'Init JobMaster for Job rest_api_test (899485770241277953)'),
      '2024-10-18 10:35:19,123 INFO  [o.a.s.e.s.m.JobMaster         ] [hz.main.seaTunnel.task.thread-3] - Init JobMaster for Job rest_api_test (899485770241277953)\n',
    );
  });
});
