import { runCrashScenario } from './crash-run.js';
import { runHostileCases } from './hostile-run.js';
import { runMalformedCases } from './malformed-run.js';

/**
 * `npm run faults`: the whole fault catalogue of issues 7 and 20 (hostile inputs and parser
 * limits, malformed feeds recovered, kills), printed as it goes and summed up in one line of
 * figures. Exits non-zero when anything failed.
 */
const hostile = await runHostileCases();
for (const outcome of hostile) {
  process.stdout.write(
    `${outcome.passed ? 'ok  ' : 'FAIL'} hostile: ${outcome.name} (${outcome.ms} ms${outcome.problem ? `; ${outcome.problem}` : ''})\n`,
  );
}
const malformed = await runMalformedCases();
for (const outcome of malformed) {
  const told = outcome.warning ? `; ${outcome.warning}` : '';
  process.stdout.write(
    `${outcome.passed ? 'ok  ' : 'FAIL'} malformed: ${outcome.name}: recovered ${outcome.recovered} of ${outcome.expected} items, lost ${outcome.lost}${outcome.problem ? `; ${outcome.problem}` : told}\n`,
  );
}
const kills = Number(process.env.FAULT_KILLS ?? 20);
process.stdout.write(`killing banwatch run ${kills} times over a stream of new items...\n`);
const crash = await runCrashScenario(kills);
for (const problem of crash.problems) process.stdout.write(`FAIL crash: ${problem}\n`);
const passed = hostile.filter((o) => o.passed).length;
const recovered = malformed.filter((o) => o.passed).length;
const itemsLost = malformed.reduce((sum, o) => sum + o.lost, 0);
const itemsRecovered = malformed.reduce((sum, o) => sum + o.recovered, 0);
const ok =
  passed === hostile.length &&
  recovered === malformed.length &&
  crash.lost === 0 &&
  crash.survived === crash.kills &&
  crash.duplicates <= crash.kills &&
  !crash.problems.length;
process.stdout.write(
  `faults: hostile inputs ${hostile.length} tried, ${passed} passed; malformed feeds ${malformed.length} tried, ${recovered} passed, ` +
    `${itemsRecovered} items recovered, ${itemsLost} lost; kills ${crash.kills}, survived ${crash.survived}; ` +
    `alerts ${crash.alerts}, lost ${crash.lost}, duplicates ${crash.duplicates} (at most one per kill: ${crash.duplicates <= crash.kills ? 'yes' : 'NO'}); ${crash.seconds}s\n`,
);
process.exitCode = ok ? 0 : 1;
