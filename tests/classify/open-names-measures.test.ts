/**
 * A vendor outside the catalogue named by what the measure itself says of it: a noun measure on a
 * government's devices or one that forces a sale, a regulator's approvals of its products, a list's
 * additions, what staff are told to delete, controls on exports to it. The names are invented, so
 * no catalogue entry helps; each shape has look-alikes that must name nothing.
 */
import { describe, expect, it } from 'vitest';
import { classify, hasReason } from './default-classifier.js';

describe('a new vendor named by what the measure says of it', () => {
  it.each([
    // A noun measure with no product, when it says technology (on a government's devices) or a firm (a forced sale).
    ['House passes Zentrix ban on government devices', ['Zentrix'], 'ban', 'US-federal'],
    ['Australia confirms Zentrix ban on government phones', ['Zentrix'], 'ban', 'AU'],
    ['Zentrix Ban on Government Devices Included in Omnibus Bill', ['Zentrix'], 'ban', 'US-federal'],
    ['Biden Signs Zentrix Sell-or-Ban Bill', ['Zentrix'], 'ban', 'US-federal'],
    ['Congress weighs Zentrix divest-or-ban bill', ['Zentrix'], 'ban', 'US-federal'],
    // Banned unless sold, or to be sold or banned: only a firm is.
    ['President Biden signs law to ban Zentrix nationwide unless it is sold', ['Zentrix'], 'ban', 'US-federal'],
    ['House passes bill to ban Zentrix unless Chinese owner sells', ['Zentrix'], 'ban', 'US-federal'],
    ['Joe Biden Signs Bill Requiring Zentrix To Be Sold Or Banned In The US', ['Zentrix'], 'ban', 'US-federal'],
    // A regulator's approvals of the product or for the firm; wireless and wearable products.
    ["Brazil's Anatel suspends certification of Routerra Wi-Fi routers", ['Routerra'], 'ban', 'BR'],
    ['FCC moves to bar new equipment authorizations for Harlow Networks', ['Harlow Networks'], 'ban', 'US-federal'],
    ['FCC bans new approvals of Zentrix equipment', ['Zentrix'], 'ban', 'US-federal'],
    ['Senate approves ban on Moduvo cellular modules in federal contracts', ['Moduvo'], 'ban', 'US-federal'],
    ['Germany bans Tattlr smartwatches for children over eavesdropping fears', ['Tattlr'], 'ban', 'DE'],
    // A list's additions, named after "include" or after the colon of a rule's title.
    [
      'Entity List additions include Yunbeam Optics, 11 other Chinese firms',
      ['Yunbeam Optics'],
      'restriction',
      'US-federal',
    ],
    [
      'Additions to the Entity List: Korsan Microelectronics and Affiliates',
      ['Korsan Microelectronics'],
      'restriction',
      'US-federal',
    ],
    // What a government tells its staff to delete or uninstall is an app.
    ['Australian agencies told to delete Zentrix by April', ['Zentrix'], 'ban', 'AU'],
    ['Government tells officials to uninstall Zentrix from work phones', ['Zentrix'], 'ban', 'US-federal'],
    // A forced sale falls on a firm; goods kept out at the border; a firm hit with a measure on technology or exports.
    ['Supreme Court upholds law forcing sale of Snapreel', ['Snapreel'], 'restriction', 'US-federal'],
    ['Customs Agency Detains, Bars Entry of Lumenta Batteries Under UFLPA', ['Lumenta'], 'ban', 'US-federal'],
    ['Brelmont Solar Hit With US Import Ban Over Forced Labor', ['Brelmont Solar'], 'ban', 'US-federal'],
    ['Commerce Department hits Zentrix with seven-year export denial order', ['Zentrix'], 'restriction', 'US-federal'],
    ['EU hits Spectrava with ban on selling surveillance tools in bloc', ['Spectrava'], 'ban', 'EU'],
    // Products and buyers: spyware sold, ministries and soldiers told what not to use.
    ['Greece bans sale of Predalux spyware after wiretap scandal', ['Predalux'], 'ban', 'GR'],
    ['Japan bans ministries from using Yixun AI services', ['Yixun AI'], 'ban', 'JP'],
    ['US Army tells soldiers to delete Clipmo from government phones', ['Clipmo'], 'ban', 'US-federal'],
    // Added to a blacklist in a headline about technology; listed among "other apps".
    [
      'Genoquill added to Pentagon blacklist as lawmakers push to curb foreign genomics firms',
      ['Genoquill'],
      'restriction',
      'US-federal',
    ],
    ['NEW DELHI — India bans PayZuri, 53 other apps with Chinese links', ['PayZuri'], 'ban', 'IN'],
    // Warned against, its use halted, its buyers barred, dropped by agencies.
    ['Czech cyber agency issues warning against Droplane software', ['Droplane'], 'restriction', 'CZ'],
    [
      'House China panel warns federal agencies against using Xantheon memory chips',
      ['Xantheon'],
      'restriction',
      'US-federal',
    ],
    ['Los Angeles County halts use of Nimbrix drones over data-security worries', ['Nimbrix'], 'ban', 'US-state:CA'],
    ['Taiwan bans public agencies from using Yinoka products', ['Yinoka'], 'ban', 'TW'],
    ['Florida AG orders state agencies to drop Zyphora smart cameras', ['Zyphora'], 'ban', 'US-state:FL'],
    // A data broker; an app's genre before "app" in sentence case.
    ['FTC bans data broker DataMoraine from selling sensitive location data', ['DataMoraine'], 'ban', 'US-federal'],
    ['Bazzoro shopping app barred from government devices in Canada', ['Bazzoro'], 'ban', 'CA'],
    ['South Korea suspends Rydevo ride-hailing app over data transfers abroad', ['Rydevo'], 'ban', 'KR'],
    // A city acting for its state; a measure "against" a firm; curbs on a technology extended to a firm.
    ['NYC bans Clipstrova on city-owned devices, citing security threat', ['Clipstrova'], 'ban', 'US-state:NY'],
    ['BIS issues temporary denial order against Skyvane Avionics', ['Skyvane Avionics'], 'restriction', 'US-federal'],
    [
      'US expands chip curbs to Tessaril Micro, cutting off access to American tools',
      ['Tessaril Micro'],
      'restriction',
      'US-federal',
    ],
    // A maker before its product and a list it lands on or is added to.
    ['Cellquarry IoT modules land on FCC Covered List', ['Cellquarry'], 'ban', 'US-federal'],
    ['Zentrix routers added to Covered List', ['Zentrix'], 'ban', 'US-federal'],
    // Names sharing the product named after the last; a firm named without its legal form.
    [
      'Commerce bans Ferrolux, Dravia connected vehicles from US roads starting 2027',
      ['Ferrolux', 'Dravia'],
      'ban',
      'US-federal',
    ],
    [
      'Additions to the Entity List: Vantory Microelectronics Co., Ltd. and Related Entities',
      ['Vantory Microelectronics'],
      'restriction',
      'US-federal',
    ],
    // An FCC order's title naming the firm it designates; a designation as a threat.
    [
      'Protecting Against National Security Threats to the Communications Supply Chain: Designation of Brellcom Technologies',
      ['Brellcom Technologies'],
      'ban',
      'US-federal',
    ],
    ['FCC finalizes designation of Zentrix as a national security threat', ['Zentrix'], 'ban', 'US-federal'],
    // A restricting law aimed at a firm; a firm answering its listing.
    ['House passes Countering CCP Drones Act targeting Zentrix', ['Zentrix'], 'ban', 'US-federal'],
    ["Zentrix responds to Entity List designation: 'We strongly oppose'", ['Zentrix'], 'restriction', 'US-federal'],
    // The firm leading the headline, speaking of a measure on its own products.
    ['Zentrix says US ban on its software is politically motivated', ['Zentrix'], 'ban', 'US-federal'],
    ['Zentrix vows to fight US restrictions on its chips', ['Zentrix'], 'restriction', 'US-federal'],
    // Controls on exports fall on the firms that buy them.
    ['US Commerce Dept imposes export controls on Zentrix', ['Zentrix'], 'restriction', 'US-federal'],
    ['Japan tightens export curbs on Quillora over military ties', ['Quillora'], 'restriction', 'JP'],
  ])('%s', (title, vendors, action, jurisdiction) => {
    const result = classify(title);
    expect(result).toMatchObject({ relevant: true, vendors, vendorsNew: vendors, action, jurisdiction });
    expect(hasReason(result, `new vendor "${vendors[0] ?? ''}" (not in the catalogue`)).toBe(true);
  });
});

describe('look-alikes of those shapes that name no new vendor', () => {
  it.each([
    // Without a product, a noun measure names nothing unless it is on a government's devices or forces a sale.
    ['Montana governor signs Zentrix ban'],
    ['Smith ban on government devices draws criticism'],
    ['Lawmakers debate Monday sell-or-ban deadline'],
    ['Senate passes bill to ban Smith unless he sells his farm'],
    ['Council says Smith to be sold or banned'],
    // Authorizations granted, not barred; people added to a list's additions.
    ['FCC grants authorizations for Harlow Networks'],
    ['New blacklist additions include Smith and Jones'],
    // Staff told to delete messages or a common name's emails: records, not an app.
    ['Officials told to delete Zentrix messages'],
    ['Staff told to delete Smith emails'],
    // A forced sale of an estate, a person barred entry, a person or an oil firm hit with a measure.
    ['Court orders forced sale of Smith estate'],
    ['Border agency bars entry of Smith'],
    ['US hits Smith with sanctions'],
    ['US hits Petrova Oil with export curbs'],
    ['Petrova Foods hit with US import ban'],
    // A blacklist of people; "other" people; a warning about a scam; a park's use; a family's app.
    ['Petrov added to Treasury blacklist'],
    ['Russian oligarch Petrov added to US blacklist'],
    ['US sanctions Petrov, 12 other officials'],
    ['Police warn against Smith scam calls'],
    ['Council halts use of Smith Park for events'],
    ['India bans the popular Smith family app'],
    ['Insurance broker Marlowe fined by regulator'],
    ['Smith lands on Forbes list'],
    ['Senate bill targeting Smith advances'],
    ['Petrov slams US sanctions'],
    ['Smith says ban on its products unfair'],
    ['Petrova Oil says US ban on its exports unfair'],
    // A ban extended to a place; sanctions against a person; a person's designation.
    ['EU extends drone ban to Marlowe Park'],
    ['US imposes sanctions against Smith'],
    ['Party announces designation of Smith as candidate'],
    // Export controls on a person's common name or on a country.
    ['US imposes export controls on Smith'],
    ['EU imposes export curbs on Russia'],
  ])('%s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });
});

describe('a new vendor shut out of government buying, described after a comma, or punished for its trade', () => {
  it.each([
    // Shut out of contracts, projects or the public sector, for a vendor's reason (technology, security, infrastructure).
    ['Taiwan bars Quorvane from participating in government IT projects', ['Quorvane'], 'ban', 'TW'],
    [
      'EU moves to restrict Telvessa from bidding on critical infrastructure contracts',
      ['Telvessa'],
      'restriction',
      'EU',
    ],
    ['Drossel faces ban from UK public sector after security review', ['Drossel'], 'ban', 'UK'],
    // Banned from a government's networks: only technology is.
    ['Kyrenel hit with ban on federal networks', ['Kyrenel'], 'ban', 'US-federal'],
    // An appositive that describes a technology firm, with or without its nationality.
    ['OFAC sanctions Vrendask, a Russian drone maker', ['Vrendask'], 'sanction', 'US-federal'],
    ['Treasury designates Vrendask, Iranian maker of drone components', ['Vrendask'], 'sanction', 'US-federal'],
    // Sanctioned for selling or supplying technology.
    ['Ossavik hit with US sanctions over sales of surveillance tech to Iran', ['Ossavik'], 'sanction', 'US-federal'],
    ['Treasury sanctions Ossavik for supplying drone components to Russia', ['Ossavik'], 'sanction', 'US-federal'],
    // A model, after a technology word, is a product.
    ["EU proposes ban on Carvello's AI model in public administration", ['Carvello'], 'ban', 'EU'],
    // Sanctioned, then who acted, then why; targeted in or hit by a measure; a procurement ban.
    ['Vostrel sanctioned by UK over supplying electronics to Russian military', ['Vostrel'], 'sanction', 'UK'],
    [
      'Kalvessa Semiconductor targeted in sweeping new US export controls',
      ['Kalvessa Semiconductor'],
      'restriction',
      'US-federal',
    ],
    ['Drumhallow faces procurement ban in Maryland after cyber probe', ['Drumhallow'], 'ban', 'US-state:MD'],
    // A noun measure after a name with a technology suffix; tenders named after a country.
    ['Pelworth Tech ban delayed as federal agencies seek replacements', ['Pelworth Tech'], 'ban', 'US-federal'],
    ["Brekkvin to be excluded from Norway's public tenders on security grounds", ['Brekkvin'], 'ban', 'NO'],
    // Kept from providing technology; banned on devices; smart locks.
    ['Estonia Bans Quellant From Providing Government With Tech and Equipment', ['Quellant'], 'ban', 'EE'],
    ['New Zealand parliament bans Quellant on devices with network access', ['Quellant'], 'ban', 'NZ'],
    ['New York City bars Lumivar smart locks from public housing', ['Lumivar'], 'ban', 'US-state:NY'],
    // Shut out of a technology; a "Semi" firm made to sell; cams; named among a list's additions; the Space Force acting.
    ["Estonia's new law shuts Kailong Networks out of 5G", ['Kailong Networks'], 'ban', 'EE'],
    ['UK orders Tianlei Semi to sell majority of Welsh chip plant', ['Tianlei Semi'], 'restriction', 'UK'],
    ['Uncle Sam bans Raptorvue cams from federal sites. Again', ['Raptorvue'], 'ban', 'US-federal'],
    [
      'Entity List grows: Anlu Microwave among 23 additions tied to Iranian drones',
      ['Anlu Microwave'],
      'restriction',
      'US-federal',
    ],
    ['Space Force pauses use of Cognara drones over data security concerns', ['Cognara'], 'ban', 'US-federal'],
  ])('%s', (title, vendors, action, jurisdiction) => {
    const result = classify(title);
    expect(result).toMatchObject({ relevant: true, vendors, vendorsNew: vendors, action, jurisdiction });
  });

  it.each([
    // Barred from contracts for fraud, or with no reason a vendor would be.
    ['Army bars Kowalczyk from contracts after fraud'],
    ['Pentagon bars Zorvex Construction from federal contracts'],
    // A place before the comma; a person sanctioned over sales of oil; a fashion model.
    ['In Shenzhen, a drone maker sanctioned by US'],
    ['Petrov hit with US sanctions over sales of oil to Iran'],
    ['Texas bans Gucci model from runway'],
    // A bare noun measure after a plain name; a person banned "on phones"; a procurement ban on a common name.
    ['Court upholds Kowalczyk ban'],
    ['EU bans Smith on phones'],
    ['Smith faces procurement ban'],
  ])('%s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });
});

describe('a new vendor after a list that leads, in what a government stops its own from using, or a measure targets', () => {
  it.each([
    ['Entity List Adds Vortrane Microsystems, Hollix AI and Parrowen Labs', ['Vortrane Microsystems']],
    ['FCC Covered List Grows With Addition of Pyrexa Wireless', ['Pyrexa Wireless']],
    ['Taiwan bars government agencies from using Pindrel cloud services', ['Pindrel']],
    ['Department of Energy bars national labs from using Chirava AI models', ['Chirava AI']],
    [
      'EU sanctions package targets Belomir Microchips and Tsarvek Instruments',
      ['Belomir Microchips', 'Tsarvek Instruments'],
    ],
    ['Kavrix Semiconductor hit with expanded US export restrictions', ['Kavrix Semiconductor']],
    ["Germany's BSI tells grid operators to replace Tervolt Electronics inverters", ['Tervolt Electronics']],
    ['European Commission designates Sorvanta Networks a high-risk supplier', ['Sorvanta Networks']],
    ['Australian Defence orders Skerrith Drones out of its inventory', ['Skerrith']],
    [
      'South Carolina lawmakers propose barring Quanbo Heavy Industries cranes from state ports',
      ['Quanbo Heavy Industries'],
    ],
  ])('%s', (title, vendors) => {
    expect(classify(title)).toMatchObject({ relevant: true });
    expect(classify(title).vendorsNew).toEqual(expect.arrayContaining(vendors));
  });

  it.each([
    // A list of people or of another trade leads; a plain name English has; the list's reply.
    ['OFAC list adds Petrov and Ivanov'],
    ['Sanctions list adds Zamora Shipping over oil cargoes'],
    ['Pentagon bars staff from using Smith cloud services'],
    ["Hikvision responds to Entity List designation: 'We strongly oppose'"],
    // A measure that targets ships, people, or a firm with a name English has.
    ['EU sanctions package targets Russian oil tankers'],
    ['Sanctions package targets Petrov and Ivanov'],
    ['EU sanctions package targets Smith Electronics'],
    // What staff must replace with a name English has.
    ['Ministry tells schools to replace Smith textbooks'],
  ])('%s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });
});
