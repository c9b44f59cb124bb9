#!/usr/bin/env bash
# Starts one Hazelcast member in the foreground with the repository's member config.
#   MEMBER_PORT (5701)  MEMBER_LIST (127.0.0.1:<port>)  MEMBER_CLUSTER_NAME (seatunnel)
#   MEMBER_HOST (127.0.0.1; set but empty = let Hazelcast pick the interface, as in a container)
#   HAZELCAST_CONFIG, HAZELCAST_JAR, JAVA_OPTS: as in the official hazelcast/hazelcast image
#   HAZELCAST_EXTENSION_JAR (.cache/hazelcast/seatunnel-sim-member.jar): the job maps' merge policy;
#     used when the file exists, else Hazelcast's PutIfAbsentMergePolicy
# Split-brain protection (a majority of MEMBER_LIST) is on from 3 members, as in member-process.ts.
# (not HZ_*: Hazelcast reads HZ_* variables as config overrides)
# Used by the container image (docker/hazelcast.Dockerfile, where it is the CMD); the CLI and the
# tests start members from TypeScript with the same flags.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${HAZELCAST_VERSION:-5.6.0}"
jar="${HAZELCAST_JAR:-$root/.cache/hazelcast/hazelcast-$version.jar}"
config="${HAZELCAST_CONFIG:-$root/config/hazelcast-member.yaml}"
port="${MEMBER_PORT:-5701}"
member_list="${MEMBER_LIST:-127.0.0.1:$port}"
extension="${HAZELCAST_EXTENSION_JAR:-$(dirname "$jar")/seatunnel-sim-member.jar}"

classpath="$jar"
merge_policy=com.hazelcast.spi.merge.PutIfAbsentMergePolicy
if [[ -s "$extension" ]]; then
  classpath="$jar:$extension"
  merge_policy=org.seatunnelsim.member.JobVersionMergePolicy
fi
IFS=, read -r -a listed <<< "$member_list"
member_count="${#listed[@]}"
quorum_enabled=false
((member_count >= 3)) && quorum_enabled=true
# A majority; Hazelcast's schema wants at least 2 even when protection is off.
quorum_size=$((member_count / 2 + 1 > 2 ? member_count / 2 + 1 : 2))

# Pinning the local address to loopback keeps a host-run member off other interfaces; inside a
# container the member must instead publish its container address, which Hazelcast finds by itself
# (it matches the tcp-ip member list against the local interfaces), hence "empty = don't pin".
host_opts=()
member_host="${MEMBER_HOST-127.0.0.1}"
if [[ -n "$member_host" ]]; then
  host_opts+=("-Dhazelcast.local.localAddress=$member_host")
fi

# JAVA_OPTS comes last on purpose: for a repeated -D the JVM keeps the last one, so anything given
# in JAVA_OPTS (e.g. compose's -Dsim.members=hz1:5701,hz2:5701 or -Dhazelcast.config=...) overrides
# the defaults above it, which is how the official image treats JAVA_OPTS too.
read -r -a user_opts <<< "${JAVA_OPTS:-}"

exec java \
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED \
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
  -Djava.net.preferIPv4Stack=true \
  -Dhazelcast.config="$config" \
  -Dsim.cluster.name="${MEMBER_CLUSTER_NAME:-seatunnel}" \
  -Dsim.port="$port" \
  -Dsim.members="$member_list" \
  -Dsim.quorum.enabled="$quorum_enabled" \
  -Dsim.quorum.size="$quorum_size" \
  -Dsim.merge.policy="$merge_policy" \
  -Dsim.persistence.enabled=false \
  -Dsim.persistence.dir=none \
  "${host_opts[@]}" \
  -Dhazelcast.phone.home.enabled=false \
  -Dhazelcast.shutdownhook.policy=GRACEFUL \
  "${user_opts[@]}" \
  -cp "$classpath" com.hazelcast.core.server.HazelcastMemberStarter
