#!/usr/bin/env bash
# Runs the benchmarks (bounded in count and time, loopback only) and prints ratios measured side
# by side in one run. Usage: bench/run.sh [gateway|propagation|audit|registry|member|training|branch|funding|daily|demo|all ...] [--quick]
#   [--no-build] (the jars are built already) [--profile] [--jars-from=DIR] [--report=FILE] ... (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk hey; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool (Debian package)"; apt-get install -y -qq "$tool" >/dev/null || {
      apt-get update -qq && apt-get install -y -qq "$tool"; }
  fi
done
build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done
offline=()
if $build; then
  # clean: an unchanged service jar is not repackaged, so it would keep an older platform-starter inside
  ./mvnw -q -DskipTests clean install
else
  offline=(-o) # the jars and the bench's dependencies are there already: nothing to resolve while measuring
fi
# the gateway measure's reference processes (bare Spring Cloud Gateway, Reactor Netty proxy, WebFlux + MongoDB GET)
./mvnw -q ${offline[@]+"${offline[@]}"} -DskipTests -f bench/floors/pom.xml package
./mvnw -q ${offline[@]+"${offline[@]}"} -f bench/pom.xml compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.args="${args[*]-}"
