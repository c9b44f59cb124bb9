# The seatunnel-sim node, built without any registry (see scripts/offline-images.sh).
# Containers cannot reach the npm registry, so nothing is installed here: the build context is a
# staging dir holding the host's own Node 20 binary and the host-built workspace (production
# node_modules + packages/*/dist), prepared by scripts/docker/stage-node-context.mjs.
ARG BASE_IMAGE=seatunnel-sim/debian-slim:bookworm
FROM ${BASE_IMAGE}

# /app/logs: the node writes job logs to `logs` under its working directory (logging.dir); the rest
# of /app stays root-owned.
RUN groupadd --system --gid 1000 seatunnel \
 && useradd --system --uid 1000 --gid 1000 --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin seatunnel \
 && mkdir -p /app/logs \
 && chown 1000:1000 /app/logs

# Node first: 100 MB that changes far less often than the application.
COPY node /usr/local/bin/node
WORKDIR /app
# Owned by root and read-only for the runtime user: the app has no business rewriting itself.
COPY app/ /app/

ENV SEATUNNEL_SIM_HOST=0.0.0.0 \
    SEATUNNEL_SIM_PORT=8080 \
    LANG=C.UTF-8

USER 1000
EXPOSE 8080

# No curl in the image: Node 20's global fetch does the probe.
HEALTHCHECK --interval=3s --timeout=3s --start-period=20s --retries=10 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.SEATUNNEL_SIM_PORT||8080)+'/hazelcast/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The launcher of the one-file bundle of the CLI (scripts/bundle-node.mjs): starts in about half
# the time of bin.js, and faster still with the host's V8 code cache of the bundle when staged.
CMD ["node", "packages/cli/dist/src/bundle/seatunnel-sim.mjs", "node"]
