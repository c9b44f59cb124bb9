# Stand-in for hazelcast/hazelcast:5.6.0, built without any registry (see scripts/offline-images.sh).
# It mimics what docker-compose.yml relies on from the official image: /opt/hazelcast as working
# directory, JAVA_OPTS and HAZELCAST_CONFIG honoured, port 5701, a non-root user, bash for the
# health check. Build context: the staging dir that offline-images.sh fills (jar, config, member.sh).
ARG BASE_IMAGE=seatunnel-sim/debian-base:bookworm
FROM ${BASE_IMAGE}

# uid 1001 like the official image's "hazelcast" user, so volume permissions behave the same.
RUN groupadd --system --gid 1001 hazelcast \
 && useradd --system --uid 1001 --gid 1001 --home-dir /opt/hazelcast --no-create-home \
      --shell /usr/sbin/nologin hazelcast \
 && mkdir -p /opt/hazelcast/lib /opt/hazelcast/config /opt/hazelcast/config_ext /opt/hazelcast/bin /opt/hazelcast/logs \
 && chown hazelcast:hazelcast /opt/hazelcast/logs

# Jar first: it is the big, rarely changing layer, so config/script edits rebuild only tiny layers.
COPY hazelcast.jar /opt/hazelcast/lib/hazelcast.jar
# The member extension (the job maps' merge policy); member.sh puts it on the classpath.
COPY seatunnel-sim-member.jar /opt/hazelcast/lib/seatunnel-sim-member.jar
COPY hazelcast-member.yaml /opt/hazelcast/config/hazelcast-member.yaml
# Also where docker-compose.yml and the testcontainers helper mount it, so pointing
# HAZELCAST_CONFIG there works with or without the mount.
COPY hazelcast-member.yaml /opt/hazelcast/config_ext/hazelcast-member.yaml
COPY member.sh /opt/hazelcast/bin/member.sh

# A relative HAZELCAST_CONFIG is resolved against /opt/hazelcast (the working directory), as in the
# official image (config/hazelcast-docker.xml there). MEMBER_HOST empty: let Hazelcast publish the
# container address.
ENV HAZELCAST_JAR=/opt/hazelcast/lib/hazelcast.jar \
    HAZELCAST_EXTENSION_JAR=/opt/hazelcast/lib/seatunnel-sim-member.jar \
    HAZELCAST_CONFIG=config/hazelcast-member.yaml \
    MEMBER_HOST= \
    JAVA_OPTS= \
    LANG=C.UTF-8

WORKDIR /opt/hazelcast
USER 1001
EXPOSE 5701

# No curl in the image: bash's /dev/tcp sends the GET and the status line is checked in bash. The
# headers are drained before closing, else the close resets the connection and the member logs a
# warning with a stack trace for every probe.
HEALTHCHECK --interval=3s --timeout=3s --start-period=30s --retries=10 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5701 && printf 'GET /hazelcast/health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r status <&3 && while read -r line <&3 && [[ $line != $'\\r' ]]; do :; done; [[ $status == *' 200'* ]]"]

CMD ["bash", "/opt/hazelcast/bin/member.sh"]
