#!/usr/bin/env bash
# The compose platform's Kafka: one KRaft node (broker and controller) whose clients connect only over TLS and
# authenticate with SCRAM-SHA-512, one identity per service, with ACLs (acls.conf) applied at every start.
#  - SASL_SSL on 9092 is the only listener other containers reach; the controller listener is bound to
#    localhost inside this container (combined mode: only this broker talks to it).
#  - The SCRAM credentials are written when the storage is first formatted (KRaft has no ZooKeeper to hold
#    them before the broker runs); a later start keeps them. To change a password, see deploy/README.md.
#  - Topics are created here, not by the services (PLATFORM_KAFKA_CREATE_TOPICS=false: their identities may not).
# Certificates: deploy/kafka/make-certs.sh writes certs/ (never committed) before the first `docker compose up`.
set -euo pipefail
: "${CLUSTER_ID:?}" "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_PARTITIONS:=3}"
services=(registry-service branch-service member-service training-service funding-service)
topics=(registry.organizations.v1 branch.party-organizations.v1 member.members.v1 training.records.v1 funding.ledger.v1)
bin=/opt/kafka/bin
config=/tmp/server.properties
jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"; }
password_of() { # registry-service -> $KAFKA_REGISTRY_PASSWORD
  local name="KAFKA_$(echo "${1%-service}" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  [ -n "${!name:-}" ] || { echo "set $name in deploy/.env" >&2; exit 1; }
  printf '%s' "${!name}"
}

cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_SSL://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_SSL://kafka:9092
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")
ssl.keystore.type=PEM
ssl.keystore.location=/certs/kafka.pem
ssl.truststore.type=PEM
ssl.truststore.location=/certs/ca.crt
ssl.endpoint.identification.algorithm=https
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# admin: this script and operators. ANONYMOUS is the broker itself on the localhost-only controller listener.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
num.partitions=${KAFKA_PARTITIONS}
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
log.dirs=/var/lib/kafka/data
PROPERTIES

admin_config=/tmp/admin.properties
cat > "$admin_config" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")
ssl.truststore.type=PEM
ssl.truststore.location=/certs/ca.crt
PROPERTIES

scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]")
for service in "${services[@]}"; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=${service},password=$(password_of "$service")]")
done
"$bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config" "${scram[@]}"

"$bin/kafka-server-start.sh" "$config" &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"' TERM INT

until "$bin/kafka-broker-api-versions.sh" --bootstrap-server localhost:9092 --command-config "$admin_config" >/dev/null 2>&1; do
  kill -0 "$broker" || exit 1
  sleep 2
done
for topic in "${topics[@]}"; do
  for name in "$topic" "$topic.dlt"; do
    "$bin/kafka-topics.sh" --bootstrap-server localhost:9092 --command-config "$admin_config" --create --if-not-exists \
      --topic "$name" --partitions "$KAFKA_PARTITIONS" --replication-factor 1 >/dev/null
  done
done
grep -v '^\s*\(#\|$\)' /scripts/acls.conf | while read -r principal resource name operations pattern; do
  ops=()
  IFS=, read -ra list <<<"$operations"
  for op in "${list[@]}"; do ops+=(--operation "$op"); done
  "$bin/kafka-acls.sh" --bootstrap-server localhost:9092 --command-config "$admin_config" --add \
    --allow-principal "User:$principal" "--$resource" "$name" --resource-pattern-type "$( [ "${pattern:-literal}" = prefix ] && echo prefixed || echo literal)" "${ops[@]}" >/dev/null
done
touch /tmp/ready   # the health check waits for this: topics and ACLs are in place
echo "kafka: topics and ACLs in place"
wait "$broker"
