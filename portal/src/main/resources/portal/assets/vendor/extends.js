// Babel's "extends" helper, which Ant Design Vue's locale files import: Object.assign.
export default function _extends(target, ...sources) {
  return Object.assign(target, ...sources);
}
