#!/usr/bin/env node
// Writes the dev realm, auth/dev/tracker-realm.json: the production realm (auth/tracker-realm.json, the one source of
// truth) plus what only a developer's machine may have (auth/dev/dev-additions.json: the tracker-cli client, the demo
// users, the Vite dev server's redirect URI, a known secret for the issue-service client).
//
//   node auth/dev/generate.mjs           rewrite auth/dev/tracker-realm.json
//   node auth/dev/generate.mjs --check   exit 1 if it is not what the two sources make (e2e RealmFilesTest runs this)
//
// Merging: objects merge key by key; arrays of objects merge by clientId, username, alias or name (an addition with a
// known key merges into that element, a new one is appended); other arrays get the additions' new values appended;
// anything else is replaced by the addition.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const productionFile = join(here, '..', 'tracker-realm.json');
const additionsFile = join(here, 'dev-additions.json');
const devFile = join(here, 'tracker-realm.json');

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const identity = (value) =>
  isObject(value) ? (value.clientId ?? value.username ?? value.alias ?? value.name) : undefined;

function merge(base, addition) {
  if (Array.isArray(base) && Array.isArray(addition)) {
    const merged = structuredClone(base);
    for (const item of addition) {
      const key = identity(item);
      const index =
        key === undefined
          ? merged.findIndex((existing) => JSON.stringify(existing) === JSON.stringify(item))
          : merged.findIndex((existing) => identity(existing) === key);
      if (index < 0) {
        merged.push(structuredClone(item));
      } else if (key !== undefined) {
        merged[index] = merge(merged[index], item);
      }
    }
    return merged;
  }
  if (isObject(base) && isObject(addition)) {
    const merged = structuredClone(base);
    for (const [name, value] of Object.entries(addition)) {
      merged[name] = name in base ? merge(base[name], value) : structuredClone(value);
    }
    return merged;
  }
  return structuredClone(addition);
}

const production = JSON.parse(readFileSync(productionFile, 'utf8'));
const additions = JSON.parse(readFileSync(additionsFile, 'utf8'));
const dev = JSON.stringify(merge(production, additions), null, 2) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(devFile, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== dev) {
    console.error('auth/dev/tracker-realm.json is stale: run `node auth/dev/generate.mjs` and commit the result');
    process.exit(1);
  }
  console.log('auth/dev/tracker-realm.json is up to date');
} else {
  writeFileSync(devFile, dev);
  console.log('wrote auth/dev/tracker-realm.json');
}
