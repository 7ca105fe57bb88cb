// Health check of mongo1 in deploy/compose.yaml (mongosh --file): initiates the replica set the first
// time it runs, then reports healthy (exit 0) while the set has a primary. mongo2 and mongo3 are
// healthy before mongo1 starts (depends_on), so the initiation finds all three members.
const admin = db.getSiblingDB('admin');
admin.auth('root', process.env.MONGO_INITDB_ROOT_PASSWORD);
let status;
try {
  status = admin.runCommand({ replSetGetStatus: 1 });
} catch (e) {
  status = { ok: 0, code: e.code };
}
if (!status.ok) {
  if (status.code === 94) { // NotYetInitialized
    rs.initiate({
      _id: 'rs0',
      members: [
        { _id: 0, host: 'mongo1:27017', priority: 2 },
        { _id: 1, host: 'mongo2:27017', priority: 1 },
        { _id: 2, host: 'mongo3:27017', priority: 1 },
      ],
    });
  }
  quit(1);
}
quit(status.members.some((m) => m.stateStr === 'PRIMARY') ? 0 : 1);
