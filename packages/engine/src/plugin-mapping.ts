/**
 * The plugins each SeaTunnel release knows, from its `plugin-mapping.properties` (plugin name →
 * connector artifact): what a submit's plugin names are checked against (case-insensitively) and
 * which jars pluginJarsUrls lists. 2.3.8 is the release tag; later releases are upstream `dev` at
 * each release cut (README, Fidelity). Transforms come from `seatunnel-transforms-v2`; 2.3.12
 * moved that jar to lib/ and dropped its mapping lines, but the transforms stay.
 */
import type { PluginKind } from './job-config.js';

export type PluginMapping = Readonly<Record<PluginKind, Readonly<Record<string, string>>>>;

/** A release's mapping: the one before it plus what it added. */
function next(previous: PluginMapping, added: Partial<Record<PluginKind, Record<string, string>>>): PluginMapping {
  return {
    source: { ...previous.source, ...added.source },
    sink: { ...previous.sink, ...added.sink },
    transform: { ...previous.transform, ...added.transform },
  };
}

const MAPPING_2_3_8: PluginMapping = {
  source: {
    FakeSource: 'connector-fake', Kafka: 'connector-kafka', Http: 'connector-http-base',
    Socket: 'connector-socket', Hive: 'connector-hive', Clickhouse: 'connector-clickhouse',
    Jdbc: 'connector-jdbc', Kudu: 'connector-kudu', HdfsFile: 'connector-file-hadoop',
    LocalFile: 'connector-file-local', OssFile: 'connector-file-oss',
    OssJindoFile: 'connector-file-jindo-oss', CosFile: 'connector-file-cos',
    Pulsar: 'connector-pulsar', Elasticsearch: 'connector-elasticsearch', IoTDB: 'connector-iotdb',
    Neo4j: 'connector-neo4j', FtpFile: 'connector-file-ftp', SftpFile: 'connector-file-sftp',
    Redis: 'connector-redis', MongoDB: 'connector-mongodb', Iceberg: 'connector-iceberg',
    InfluxDB: 'connector-influxdb', S3File: 'connector-file-s3',
    AmazonDynamodb: 'connector-amazondynamodb', Cassandra: 'connector-cassandra',
    MyHours: 'connector-http-myhours', GoogleSheets: 'connector-google-sheets',
    Tablestore: 'connector-tablestore', Lemlist: 'connector-http-lemlist',
    Klaviyo: 'connector-http-klaviyo', OneSignal: 'connector-http-onesignal',
    Jira: 'connector-http-jira', Gitlab: 'connector-http-gitlab', Github: 'connector-http-github',
    Notion: 'connector-http-notion', RabbitMQ: 'connector-rabbitmq', OpenMldb: 'connector-openmldb',
    'SqlServer-CDC': 'connector-cdc-sqlserver', Doris: 'connector-doris',
    Maxcompute: 'connector-maxcompute', 'MySQL-CDC': 'connector-cdc-mysql',
    'MongoDB-CDC': 'connector-cdc-mongodb', 'TiDB-CDC': 'connector-cdc-tidb',
    Web3j: 'connector-web3j', TDengine: 'connector-tdengine', Persistiq: 'connector-http-persistiq',
    Hbase: 'connector-hbase', StarRocks: 'connector-starrocks', Rocketmq: 'connector-rocketmq',
    AmazonSqs: 'connector-amazonsqs', Paimon: 'connector-paimon',
    Easysearch: 'connector-easysearch', 'Postgres-CDC': 'connector-cdc-postgres',
    'Oracle-CDC': 'connector-cdc-oracle', ObsFile: 'connector-file-obs', Milvus: 'connector-milvus',
    Qdrant: 'connector-qdrant', Sls: 'connector-sls', Typesense: 'connector-typesense',
    'Opengauss-CDC': 'connector-cdc-opengauss',
  },
  sink: {
    Console: 'connector-console', Assert: 'connector-assert', Kafka: 'connector-kafka',
    Http: 'connector-http-base', Feishu: 'connector-http-feishu', Hive: 'connector-hive',
    Clickhouse: 'connector-clickhouse', ClickhouseFile: 'connector-clickhouse',
    Jdbc: 'connector-jdbc', Kudu: 'connector-kudu', EmailSink: 'connector-email',
    HdfsFile: 'connector-file-hadoop', LocalFile: 'connector-file-local',
    OssFile: 'connector-file-oss', OssJindoFile: 'connector-file-jindo-oss',
    CosFile: 'connector-file-cos', DingTalk: 'connector-dingtalk',
    Elasticsearch: 'connector-elasticsearch', IoTDB: 'connector-iotdb', Neo4j: 'connector-neo4j',
    FtpFile: 'connector-file-ftp', SftpFile: 'connector-file-sftp', Socket: 'connector-socket',
    Redis: 'connector-redis', DataHub: 'connector-datahub', Sentry: 'connector-sentry',
    MongoDB: 'connector-mongodb', Iceberg: 'connector-iceberg', S3File: 'connector-file-s3',
    AmazonDynamodb: 'connector-amazondynamodb', Cassandra: 'connector-cassandra',
    StarRocks: 'connector-starrocks', InfluxDB: 'connector-influxdb',
    GoogleFirestore: 'connector-google-firestore', Tablestore: 'connector-tablestore',
    Slack: 'connector-slack', RabbitMQ: 'connector-rabbitmq', Doris: 'connector-doris',
    Maxcompute: 'connector-maxcompute', S3Redshift: 'connector-s3-redshift',
    TDengine: 'connector-tdengine', SelectDBCloud: 'connector-selectdb-cloud',
    Hbase: 'connector-hbase', Rocketmq: 'connector-rocketmq', AmazonSqs: 'connector-amazonsqs',
    Paimon: 'connector-paimon', hudi: 'connector-hudi', Druid: 'connector-druid',
    Easysearch: 'connector-easysearch', Pulsar: 'connector-pulsar', ObsFile: 'connector-file-obs',
    Milvus: 'connector-milvus', ActiveMQ: 'connector-activemq', Qdrant: 'connector-qdrant',
    Typesense: 'connector-typesense',
  },
  transform: {
    Sql: 'seatunnel-transforms-v2', FieldMapper: 'seatunnel-transforms-v2',
    Filter: 'seatunnel-transforms-v2', FilterRowKind: 'seatunnel-transforms-v2',
    JsonPath: 'seatunnel-transforms-v2', Replace: 'seatunnel-transforms-v2',
    Split: 'seatunnel-transforms-v2', Copy: 'seatunnel-transforms-v2',
    DynamicCompile: 'seatunnel-transforms-v2', LLM: 'seatunnel-transforms-v2',
    Embedding: 'seatunnel-transforms-v2',
  },
};

/** 2.3.9 */
const MAPPING_2_3_9 = next(MAPPING_2_3_8, {
  source: {
    Prometheus: 'connector-prometheus',
  },
  sink: {
    Prometheus: 'connector-prometheus', Sls: 'connector-sls',
  },
  transform: {
    RowKindExtractor: 'seatunnel-transforms-v2', Metadata: 'seatunnel-transforms-v2',
    FieldRename: 'seatunnel-transforms-v2', TableRename: 'seatunnel-transforms-v2',
    TableMerge: 'seatunnel-transforms-v2',
  },
});

/** 2.3.10: the same as 2.3.9 */
const MAPPING_2_3_10 = MAPPING_2_3_9;

/** 2.3.11 */
const MAPPING_2_3_11 = next(MAPPING_2_3_10, {
  source: {
    GraphQL: 'connector-graphql',
  },
  sink: {
    GraphQL: 'connector-graphql', Aerospike: 'connector-aerospike',
  },
  transform: {
    TableFilter: 'seatunnel-transforms-v2',
  },
});

/** 2.3.12 */
const MAPPING_2_3_12 = next(MAPPING_2_3_11, {
  source: {
    Databend: 'connector-databend',
  },
  sink: {
    Databend: 'connector-databend', SensorsData: 'connector-sensorsdata',
  },
});

/** 2.3.13 as far as known: upstream dev at 2025-12-25 (the release cut is not known) */
const MAPPING_2_3_13 = next(MAPPING_2_3_12, {
  source: {
    IoTDBv2: 'connector-iotdb-v2',
  },
  sink: {
    IoTDBv2: 'connector-iotdb-v2', HugeGraph: 'connector-hugegraph',
  },
});

export const PLUGIN_MAPPINGS = {
  '2.3.8': MAPPING_2_3_8,
  '2.3.9': MAPPING_2_3_9,
  '2.3.10': MAPPING_2_3_10,
  '2.3.11': MAPPING_2_3_11,
  '2.3.12': MAPPING_2_3_12,
  '2.3.13': MAPPING_2_3_13,
  // 3.0.0 and 3.1.0: their plugin-mapping.properties were not available (no 3.x source or jars
  // here), so they keep 2.3.13's list (README, profile table: unconfirmed).
  '3.0': MAPPING_2_3_13,
  '3.1': MAPPING_2_3_13,
} as const;
