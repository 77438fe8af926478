// Adds a connector package to a config file's `connectors:` list, editing the YAML document so comments and layout stay.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import { CliError } from './cli-errors.js';

export type ConnectorListChange = 'added' | 'already-listed' | 'built-in';

/**
 * The config text with `name` in `connectors:`. When the list is absent the runner loads the built-ins, so the
 * new list starts with them (a built-in name changes nothing then: it is loaded already).
 */
export function addConnectorToConfig(text: string, name: string, builtins: readonly string[], file: string): { text: string; change: ConnectorListChange } {
  const doc: Document = parseDocument(text);
  if (doc.errors.length) throw new CliError(`${file} is not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'}`);
  if (doc.contents === null) doc.contents = doc.createNode({});
  const root = doc.contents;
  if (!isMap(root)) throw new CliError(`${file} is not a YAML mapping, so no connectors: list can be added to it.`);
  const current = root.get('connectors', true);
  if (current === undefined || (isScalar(current) && current.value === null)) {
    if (builtins.includes(name)) return { text, change: 'built-in' };
    const pair = doc.createPair('connectors', [...builtins, name]);
    (pair.key as Scalar).commentBefore = ' Connector packages the runner loads (the built-ins when absent); outflow connectors install adds to it.';
    const streams = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'streams');
    root.items.splice(streams < 0 ? root.items.length : streams, 0, pair);
  } else if (isSeq(current)) {
    if (current.items.some((item) => (isScalar(item) ? item.value : item) === name)) return { text, change: 'already-listed' };
    current.add(doc.createNode(name));
  } else {
    throw new CliError(`connectors: in ${file} is not a list of package names.`);
  }
  return { text: doc.toString({ lineWidth: 0, singleQuote: true }), change: 'added' };
}
