#!/bin/bash
# Entry point of the MongoDB containers in deploy/compose.yaml: writes the replica set's shared key
# (MONGO_REPLICA_SET_KEY, from deploy/.env) where mongod accepts it (mode 400, owned by mongodb), then
# runs the image's own entry point with --keyFile, so that members authenticate each other and every
# client needs a user.
set -euo pipefail
key=/tmp/replica-set.key
printf '%s' "${MONGO_REPLICA_SET_KEY:?MONGO_REPLICA_SET_KEY is not set}" > "$key"
chmod 400 "$key"
chown mongodb:mongodb "$key"
exec /usr/local/bin/docker-entrypoint.sh "$@" --keyFile "$key"
