import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../scripts/demo/demo-story.js';

/**
 * `npm run demo` (issue 9, item 4): the real app against the bundled sample feeds and a
 * stand-in Congress.gov on 127.0.0.1. What matters to a newcomer is what the channel printed.
 */
let result: DemoResult;
let output = '';

beforeAll(async () => {
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  result = await runDemo({ out, pauseMs: 0 });
});

const alertsAbout = (text: string) => result.alerts.filter((block) => block.includes(text));

describe('npm run demo', () => {
  it('presses the triage buttons on a news alert: recorded once, then exported as an eval row', () => {
    expect(output).toMatch(/Acknowledge \(Dana\) +-> applied: Acknowledged by Dana at /);
    expect(output).toMatch(/Acknowledge again \(Sam\) +-> unchanged: Already recorded/);
    expect(output).toMatch(/banwatch feedback export writes: \{"title":.*"relevant":false.*"label":"not-relevant"/);
  });

  it('finishes by itself, without errors, well within a minute, and removes its store', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(existsSync(result.storeDir)).toBe(false);
    expect(output).toMatch(
      /\nDone in \d+\.\d s: 6 polls, 14 alerts to security-team \(4 news, 5 on H\.R\.5515, 5 on AR HB1044 \(2012\)\)/,
    );
  });

  it("prints the console channel's alert blocks for the ban news, once each", () => {
    expect(alertsAbout('FCC adds DJI and Autel Robotics drones to the Covered List')).toHaveLength(1);
    expect(
      alertsAbout('Commerce adds 12 Chinese firms, including Inspur subsidiaries, to the Entity List'),
    ).toHaveLength(1);
    expect(alertsAbout('Governor signs law banning TikTok on state-issued devices')).toHaveLength(1);
    expect(alertsAbout('UK orders removal of Chinese-made surveillance cameras')).toHaveLength(1);
    expect(alertsAbout('FCC adds DJI')[0]).toMatch(/^── ALERT · DJI, Autel · Ban · US-federal/);
    expect(alertsAbout('FCC adds DJI')[0]).toContain('to security-team');
    // The same story came from two feeds: posted once, the other copy held back.
    expect(result.duplicates).toEqual(['FCC adds DJI and Autel Robotics drones to the Covered List']);
  });

  it('follows H.R.5515 from "passed the House" to "signed into law", later stages as updates', () => {
    const bill = alertsAbout('H.R.5515 (115th)');
    expect(bill.map((block) => block.split('\n')[1]?.trim())).toEqual([
      'Now tracking H.R.5515 (115th), passed the House: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
      'H.R.5515 (115th) passed the Senate with an amendment: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
      'H.R.5515 (115th) passed both chambers: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
      'H.R.5515 (115th) presented to the President: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
      'H.R.5515 (115th) signed into law: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — Public Law 115-232',
    ]);
    expect(bill[0]).toMatch(/^── ALERT /);
    expect(bill.slice(1).every((block) => block.startsWith('── UPDATE H.R.5515 (115th)'))).toBe(true);
  });

  it('follows a state bill beside the federal one, found by search, to enacted, crediting LegiScan', () => {
    const bill = alertsAbout('AR HB1044 (2012)');
    expect(bill.map((block) => block.split('\n')[1]?.trim().split(':')[0])).toEqual([
      'Now tracking Arkansas HB1044 (2012), reported by committee',
      'Arkansas HB1044 (2012) passed the House',
      'Arkansas HB1044 (2012) passed both chambers',
      'Arkansas HB1044 (2012) sent to the Governor',
      'Arkansas HB1044 (2012) became Arkansas law',
    ]);
    expect(bill[0]).toMatch(/^── ALERT · DJI · .* · US-state:AR · reported by committee/);
    expect(bill.slice(1).every((block) => block.startsWith('── UPDATE AR HB1044 (2012)'))).toBe(true);
    expect(bill.at(-1)).toContain('— Act 36');
    expect(bill.every((block) => block.includes('source LegiScan (CC BY 4.0)'))).toBe(true);
    // Its record is sample data, and the demo says so.
    expect(output).toContain('a real LegiScan record with its title replaced by a drone-procurement one: sample data');
  });

  it('stays quiet on ordinary news, and says so', () => {
    const ordinary = [
      'Kaspersky uncovers new Android spyware campaign targeting banking apps',
      'Review: Reolink Argus 4 Pro is a solid battery camera',
      'Huawei posts 22% revenue jump as smartphone sales rebound',
      'State senate committee advances rural broadband grants',
      'ZTE shares rise after strong quarterly earnings',
    ];
    expect([...result.quiet].sort()).toEqual([...ordinary].sort());
    for (const title of ordinary) {
      expect(alertsAbout(title)).toEqual([]);
      expect(output).toContain(`    - ${title}`);
    }
    // What the feeds already held on the first poll is recorded, never posted.
    for (const title of [
      'Hikvision unveils new ColorVu camera line',
      'Ransomware gang claims attack',
      'Legislature passes budget',
    ]) {
      expect(output).not.toContain(title);
    }
  });

  it('reads as a story: no log lines, no stack traces', () => {
    expect(output).toContain('[1/6] Polling 4 sample feeds and Congress.gov for the first time...');
    expect(output).toContain('not modified (HTTP 304)');
    expect(output).not.toMatch(/"level"|\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
