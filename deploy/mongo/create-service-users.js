// Runs once, when mongo1 starts on an empty data volume (the image's /docker-entrypoint-initdb.d, before
// the replica set exists): one user per service (and the gateway), allowed to read and write its own database only.
// Passwords come from deploy/.env (MONGO_<SERVICE>_PASSWORD); the services' MONGODB_URI use the same.
for (const service of ['registry', 'branch', 'member', 'training', 'funding', 'gateway']) {
  const password = process.env['MONGO_' + service.toUpperCase() + '_PASSWORD'];
  if (!password) {
    throw new Error('MONGO_' + service.toUpperCase() + '_PASSWORD is not set');
  }
  db.getSiblingDB(service).createUser({ user: service, pwd: password, roles: [{ role: 'readWrite', db: service }] });
}
