#!/usr/bin/env bash
# Makes sure docker, docker-compose and debootstrap are installed and that a Docker engine answers.
# Sourced by the other docker scripts (and runnable on its own): a fresh machine has none of them and
# no engine running, and nothing here may be pulled from a registry, so we install from Debian's apt.
set -euo pipefail

ensure_docker() {
  local missing=()
  # The machine may ship the docker client alone: the engine (dockerd) is what decides.
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if ((${#missing[@]})); then
    echo "docker: installing ${missing[*]} from apt"
    # apt-get update only when something is missing: it is the slow, network-bound part.
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io docker-compose debootstrap
  fi

  if docker info >/dev/null 2>&1; then
    return 0
  fi
  # No init system manages dockerd in these sandboxes, so start it ourselves, detached from this
  # shell (setsid) so that it outlives the script.
  echo "docker: starting dockerd (log: /tmp/dockerd.log)"
  setsid dockerd >/tmp/dockerd.log 2>&1 < /dev/null &
  local i
  for ((i = 0; i < 60; i++)); do
    if docker info >/dev/null 2>&1; then
      echo "docker: engine ready after ${i}s"
      return 0
    fi
    sleep 1
  done
  echo "docker: dockerd did not answer within 60s; last lines of /tmp/dockerd.log:" >&2
  tail -n 20 /tmp/dockerd.log >&2 || true
  return 1
}

# Run directly (not sourced): just do it.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  ensure_docker
fi
