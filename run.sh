#!/usr/bin/env bash
# Builds the platform and starts it on this machine: Kafka, a MongoDB wire-protocol server, Keycloak, the five
# services and the gateway (deploy/local/README.md). Needs only a JDK 17+; Ctrl-C stops everything.
#   ./run.sh [--no-build] [launcher flags: --reset, --data-dir DIR, --port-offset N, --no-services, ...; --help]
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if [ ! -f deploy/local/target/local-platform.jar ] && ! $build; then
  echo "deploy/local/target/local-platform.jar is missing: run ./run.sh without --no-build once" >&2
  exit 1
fi

if $build; then
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  echo "Building the platform ($mvn -q -DskipTests install) ..."
  "$mvn" -q -DskipTests install
fi

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
exec "$java" -jar deploy/local/target/local-platform.jar ${args[@]+"${args[@]}"}
