// Lint Neo4j-form Cypher offline with Neo4j's own front end (@neo4j-cypher/language-support), Cypher 5.
//
// stdin:  a JSON array of {"name": str, "origin": "file:line", "cypher": str}
// stdout: one line per problem, "origin: error|warning: message [name]", then a summary line.
// exit:   0 when no statement has an error (warnings such as deprecations are printed, not fatal),
//         1 when any statement has an error, 2 when the input itself is unusable.
//
// Parameters are not declared to the linter, so "Parameter $x is not defined." is filtered out
// (isNotParamError). Functions and procedures are checked against the list bundled with the package
// (testData.mockSchema), so a misspelt or removed function is an error here, as it would be on a server.
import { readFileSync } from 'node:fs';
import { isNotParamError, lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const ERROR = 1; // DiagnosticSeverity.Error in the LSP types

const schema = {
  defaultLanguage: 'CYPHER 5',
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
};

function readStatements() {
  let items;
  try {
    items = JSON.parse(readFileSync(0, 'utf8'));
  } catch (err) {
    console.error(`cypher-lint: stdin is not JSON: ${err.message}`);
    process.exit(2);
  }
  if (!Array.isArray(items)) {
    console.error('cypher-lint: stdin must be a JSON array of {name, origin, cypher}');
    process.exit(2);
  }
  for (const [i, item] of items.entries()) {
    if (!item || typeof item.cypher !== 'string' || !item.cypher.trim()) {
      console.error(`cypher-lint: item ${i} has no "cypher" string: ${JSON.stringify(item)}`);
      process.exit(2);
    }
  }
  return items;
}

function firstLine(message) {
  return message.split('\n')[0].slice(0, 300);
}

function lintOne(item) {
  // consoleCommandsEnabled: false, so a Browser command such as ":param" is an error, not a pass.
  const { diagnostics } = lintCypherQuery(item.cypher, schema, { consoleCommandsEnabled: false });
  const errors = diagnostics.filter((d) => d.severity === ERROR && isNotParamError(d));
  const warnings = diagnostics.filter((d) => d.severity !== ERROR);
  const where = item.origin || item.name || '<unknown>';
  const label = item.name ? ` [${item.name}]` : '';
  for (const d of errors) {
    console.log(`${where}: error @${d.offsets.start}: ${firstLine(d.message)}${label}`);
  }
  for (const d of warnings) {
    console.log(`${where}: warning @${d.offsets.start}: ${firstLine(d.message)}${label}`);
  }
  if (errors.length) {
    console.log(`    ${item.cypher.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return { errors: errors.length, warnings: warnings.length };
}

const items = readStatements();
let bad = 0;
let warned = 0;
for (const item of items) {
  const { errors, warnings } = lintOne(item);
  if (errors) bad += 1;
  if (warnings) warned += 1;
}
console.log(
  `cypher-lint: ${items.length} statement(s), ${bad} with errors, ${warned} with warnings (Cypher 5)`,
);
process.exit(bad ? 1 : 0);
