import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { backendContract } from './backend-contract.js';
import { storesContract } from './stores-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-sqlite-'));
const clock = mutableClock();
backendContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'contract.sqlite')}`, c), clock);
storesContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'stores.sqlite')}`, c), clock);
