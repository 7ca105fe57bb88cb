#!/usr/bin/env bash
# Makes the compose platform's Kafka TLS material in deploy/kafka/certs/ (never committed; .gitignore lists it):
# a private CA (ca.crt, ca.key) and the broker's key and certificate for the name "kafka" (kafka.pem: PKCS#8 key,
# then the certificate and the CA, as Kafka's PEM key store reads it). The services trust ca.crt only.
# Run once before the first `docker compose up`; run again (and restart kafka and the services) to renew.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
cd "$dir"
days=${KAFKA_CERT_DAYS:-825}
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=party-building-kafka-ca" -keyout ca.key -out ca.crt
openssl req -newkey rsa:3072 -nodes -subj "/CN=kafka" -keyout broker.key -out broker.csr
printf 'subjectAltName=DNS:kafka,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' > broker.ext
openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days "$days" -extfile broker.ext -out broker.crt
openssl pkcs8 -topk8 -nocrypt -in broker.key -out broker.pk8
cat broker.pk8 broker.crt ca.crt > kafka.pem
rm -f broker.csr broker.ext broker.key broker.pk8 ca.srl
# the broker runs as uid 1000 (apache/kafka); the services only read ca.crt
chmod 644 ca.crt broker.crt
chmod 644 kafka.pem   # read by the broker (uid 1000) through the bind mount: keep deploy/kafka/certs on a host only operators reach
chmod 600 ca.key
echo "written: $dir/{ca.crt,kafka.pem}; keep ca.key offline"
