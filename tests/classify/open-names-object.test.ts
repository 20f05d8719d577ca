/**
 * A vendor outside the catalogue as the object of a government's action (issue 16): a name right
 * after "bans", "restricts", "sanctions" or "ban on", and right before a product or trade noun.
 * The names are invented, so no catalogue entry helps.
 */
import { describe, expect, it } from 'vitest';
import { classify, hasReason } from './default-classifier.js';

describe('a new vendor named as the object of a government action', () => {
  it.each([
    ['Army bans Brightwing drones from training ranges', ['Brightwing'], 'ban', 'US-federal'],
    ['Germany restricts Valtrion exports to Russia', ['Valtrion'], 'restriction', 'DE'],
    ['Pentagon bars Corvalis robot dogs from its depots', ['Corvalis'], 'ban', 'US-federal'],
    ['Ohio bans Tessaline cameras on state property', ['Tessaline'], 'ban', 'US-state:OH'],
    ['Japan imposes restrictions on Norvik chips', ['Norvik'], 'restriction', 'JP'],
    ['Australia weighs ban on Quillon routers', ['Quillon'], 'ban', 'AU'],
    ['Canada Restricts KTX Modems in Federal Offices', ['KTX'], 'restriction', 'CA'],
    // Title case capitalises every word: the name is where English stops ("Cheap" is a word).
    ['Australia Bans Zentrix Vision Cameras From Defence Sites', ['Zentrix Vision'], 'ban', 'AU'],
    ['US Bans Cheap Brightwing Drones', ['Brightwing'], 'ban', 'US-federal'],
    ['Japan Restricts Norvik Chip Exports', ['Norvik'], 'restriction', 'JP'],
    // After a noun cue and its link word: "removal of X", "strip out X".
    ['Australia orders removal of Tessaline cameras from defence sites', ['Tessaline'], 'ban', 'AU'],
    ['UK orders telecoms to strip out Quillon Networks equipment by 2027', ['Quillon Networks'], 'ban', 'UK'],
    ['Australia Orders Removal Of Tessaline Cameras From Defence Sites', ['Tessaline'], 'ban', 'AU'],
    // Without a product noun: a technology suffix, cut trade, "from" a technology, an order to the firm.
    ['Treasury sanctions Quillon Networks for supplying drones', ['Quillon Networks'], 'sanction', 'US-federal'],
    ['Treasury Sanctions Quillon Networks For Supplying Drones', ['Quillon Networks'], 'sanction', 'US-federal'],
    ['Commerce Department bars exports to Valtrion Technologies', ['Valtrion Technologies'], 'ban', 'US-federal'],
    ['FCC revokes Norvik Telecom license to operate in the US', ['Norvik Telecom'], 'ban', 'US-federal'],
    ['Sweden excludes Brightwing from 5G rollout', ['Brightwing'], 'ban', 'SE'],
    ['Canada orders Corvalis to wind down Canadian operations', ['Corvalis'], 'ban', 'CA'],
    ['Canada Orders Corvalis To Wind Down Canadian Operations', ['Corvalis'], 'ban', 'CA'],
    // Before a passive measure, with a product noun or a technology suffix.
    ['Tessaline cameras banned from UK government sites', ['Tessaline'], 'ban', 'UK'],
    ['Quillon Networks barred by Pentagon', ['Quillon Networks'], 'ban', 'US-federal'],
    ['Norvik modules are to be banned by Pentagon', ['Norvik'], 'ban', 'US-federal'],
    ['Tessaline Cameras Banned From UK Government Sites', ['Tessaline'], 'ban', 'UK'],
    // A maker's mark or a possessive between the name and its product; a noun measure after them.
    ['Zentrix-made routers banned from federal networks', ['Zentrix'], 'ban', 'US-federal'],
    ["Zentrix's routers banned from federal networks", ['Zentrix'], 'ban', 'US-federal'],
    ['Zentrix router ban takes effect in Texas', ['Zentrix'], 'ban', 'US-state:TX'],
    // A ban that takes effect is a government's even when the headline does not say whose.
    ['Zentrix router ban takes effect', ['Zentrix'], 'ban', 'US-federal'],
    ['Ban on Zentrix routers takes effect', ['Zentrix'], 'ban', 'US-federal'],
    ['Ban On Zentrix Routers Takes Effect', ['Zentrix'], 'ban', 'US-federal'],
    ['Ban on Zentrix surveillance cameras now in force', ['Zentrix'], 'ban', 'US-federal'],
    ['Zentrix camera ban kicks in Monday', ['Zentrix'], 'ban', 'US-federal'],
    // Banned on a government's own devices or networks: only technology is.
    ['Canada bans Zentrix on government-issued mobile devices', ['Zentrix'], 'ban', 'CA'],
    ['European Parliament bans Zentrix on staff phones', ['Zentrix'], 'ban', 'EU'],
    ['DHS directive orders removal of Zentrix from federal networks', ['Zentrix'], 'ban', 'US-federal'],
    ['Canada Bans Zentrix On Government Devices', ['Zentrix'], 'ban', 'CA'],
    // A foreign origin or a possessive between the measure and the name, a modal before a passive.
    ["Commerce bureaus ban China's Zentrix on government devices", ['Zentrix'], 'ban', 'US-federal'],
    ["Sweden upholds ban on Zentrix's 5G gear", ['Zentrix'], 'ban', 'SE'],
    ['Zentrix 5G kit must be removed from UK networks by 2027', ['Zentrix'], 'ban', 'UK'],
    ['Zentrix cameras could be banned by Pentagon', ['Zentrix'], 'ban', 'US-federal'],
    // Ordered with no government named, but only a government or a court orders these.
    ['Telcos ordered to remove Sorelink equipment', ['Sorelink'], 'ban', 'US-federal'],
    ['Carriers told to replace Sorelink routers within a year', ['Sorelink'], 'ban', 'US-federal'],
    ['Google ordered to pull Sordai app from Play Store', ['Sordai'], 'ban', 'US-federal'],
    // Two words English has naming one technology: "license plate readers".
    ['Evanston City Council bans Drovian license plate readers', ['Drovian'], 'ban', 'US-federal'],
    // The product inside the measure: "drones grounded" is one cue, the name goes before it.
    ['Halcyra drones grounded by Interior Department', ['Halcyra'], 'ban', 'US-federal'],
    // An AI model or program: a descriptor once a technology word says which kind.
    ['More US government departments ban controversial AI model Zentrix', ['Zentrix'], 'ban', 'US-federal'],
    ['Australia Bans Chinese AI Program Zentrix From Government Devices', ['Zentrix'], 'ban', 'AU'],
    // An operating authorization a telecoms regulator revokes or denies: it licenses technology firms.
    ['FCC revokes Zentrix Americas authorization to operate in US', ['Zentrix Americas'], 'ban', 'US-federal'],
    ["FCC moves to revoke Zentrix's US authorization", ['Zentrix'], 'ban', 'US-federal'],
    ['FCC Votes to Deny Zentrix Bid to Operate in US', ['Zentrix'], 'ban', 'US-federal'],
    ['FCC boots Zentrix from U.S. market', ['Zentrix'], 'ban', 'US-federal'],
    // From the ninth blind set: a government's own told to stop buying, a suspension upheld, a
    // product qualifying goods from a maker, a city's own buyers.
    ['Japanese ministries told to stop buying Zentrix routers', ['Zentrix'], 'ban', 'JP'],
    ["Brazil's Supreme Court upholds suspension of Zentrix messaging app", ['Zentrix'], 'ban', 'BR'],
    ['Commerce proposes ban on connected-car software from Zentrix', ['Zentrix'], 'ban', 'US-federal'],
    [
      'Carlsbad bars city departments from buying Zentrix Vision surveillance systems',
      ['Zentrix Vision'],
      'ban',
      'US-federal',
    ],
    // A renewal refused: the name sits after the whole first part ("refuses to renew").
    ['BTRC refuses to renew Zentrix authorisation', ['Zentrix'], 'ban', 'BD'],
    ['Nkom declines to renew Zentrix Networks licence', ['Zentrix Networks'], 'ban', 'NO'],
    // A business shut on national security grounds.
    ['Ottawa orders Zentrix Canada to wind up operations on national security grounds', ['Zentrix'], 'ban', 'CA'],
    // Goods named by where they come from; what is bought, from whom; an origin inside a pair.
    [
      'Appeals court upholds FCC ban on equipment from Tianyu Communications',
      ['Tianyu Communications'],
      'ban',
      'US-federal',
    ],
    [
      'New Hampshire bans state purchases of drones from Aerovex, Skyvane',
      ['Aerovex', 'Skyvane'],
      'ban',
      'US-state:NH',
    ],
    [
      "India's telecom department bars operators from buying equipment from Sinotel Systems",
      ['Sinotel Systems'],
      'ban',
      'IN',
    ],
    [
      'UK orders Chinese-owned FirstLight Photonics to sell Scottish chip plant',
      ['FirstLight Photonics'],
      'restriction',
      'UK',
    ],
    // A count before the name; CCTV as a technology word; a distributor as a descriptor.
    ["South Korea's military to rip out 1,300 Weishi cameras after backdoor discovered", ['Weishi'], 'ban', 'KR'],
    ['India restricts imports of Zhenyu Vision CCTV cameras', ['Zhenyu Vision'], 'restriction', 'IN'],
    ['Japan adds Russian-linked chip distributor Arktel to export blacklist', ['Arktel'], 'restriction', 'JP'],
    // Trade in a technology after the name, sales to it cut, its technology's use limited.
    ['Commerce Dept. bars Zentrix antivirus sales in the US starting July 20', ['Zentrix'], 'ban', 'US-federal'],
    ['US bans American firms from selling to Zentrix for seven years', ['Zentrix'], 'restriction', 'US-federal'],
    ['Estonia votes to limit its use of Zentrix 5G technology', ['Zentrix'], 'restriction', 'EE'],
    // The maker after its product ("made by", or "from" where a purchase is barred).
    ['Greece bans sale of spyware made by Veridian Labs', ['Veridian Labs'], 'ban', 'GR'],
    ['UK bans surveillance cameras built by Zentrix in government buildings', ['Zentrix'], 'ban', 'UK'],
    ['Defense bill bars Pentagon from buying batteries from Voltaris', ['Voltaris'], 'ban', 'US-federal'],
    // The firm's origin between the order and its name; connected cars and UAVs are products.
    ['Biden orders Chinese-owned Halvora to divest US audio chip business', ['Halvora'], 'restriction', 'US-federal'],
    [
      'Kestrel Motors connected cars to be banned from US roads under new Commerce rule',
      ['Kestrel Motors'],
      'ban',
      'US-federal',
    ],
    ['Ohio state board bans purchase of Dronecraft UAVs', ['Dronecraft'], 'ban', 'US-state:OH'],
    // A sale forced by lawmakers; a country this lexicon learnt today.
    ['Senate votes to force sale of Chinese-owned chat app Murmr', ['Murmr'], 'restriction', 'US-federal'],
    ['Sri Lanka lifts ban on messaging app Kaalam after six months', ['Kaalam'], 'lift', 'LK'],
    // What a government is stopped from buying or using, after who is stopped.
    ['NDAA bans Pentagon from buying Brightwing drones', ['Brightwing'], 'ban', 'US-federal'],
    ['Pentagon barred from buying Tessaline cameras under NDAA', ['Tessaline'], 'ban', 'US-federal'],
    ['Texas bans state agencies from buying Corvalis drones', ['Corvalis'], 'ban', 'US-state:TX'],
    ['Texas Bans State Agencies From Buying Corvalis Drones', ['Corvalis'], 'ban', 'US-state:TX'],
    ['Pentagon bars contractors from using Quillon Networks gear', ['Quillon Networks'], 'ban', 'US-federal'],
    ['Pentagon barred from contracting with Quillon Systems', ['Quillon Systems'], 'ban', 'US-federal'],
    // Shut out of government contracts under a procurement law (the NDAA's Section 889 and successors).
    ['Zentrix Vision banned from federal contracts under NDAA', ['Zentrix Vision'], 'ban', 'US-federal'],
    ['Zentrix Vision Banned From Federal Contracts Under NDAA', ['Zentrix Vision'], 'ban', 'US-federal'],
    ['Pentagon bars Valtrion from defense contracts under the NDAA', ['Valtrion'], 'ban', 'US-federal'],
    // Technology words between the name and its product.
    ['UK government orders removal of Zentrix surveillance cameras from sensitive sites', ['Zentrix'], 'ban', 'UK'],
    ['UK Orders Removal Of Zentrix Surveillance Cameras From Sensitive Sites', ['Zentrix'], 'ban', 'UK'],
    ['Germany to phase out Zentrix 5G equipment', ['Zentrix'], 'ban', 'DE'],
    ['US moves to ban Zentrix connected vehicles', ['Zentrix'], 'ban', 'US-federal'],
    ['Brightwing surveillance drones banned from UK government sites', ['Brightwing'], 'ban', 'UK'],
    // A real one (2024): a name of common words, told by its capitals in a sentence-case headline.
    ['Canada bans Flipper Zero hacking device', ['Flipper Zero'], 'ban', 'CA'],
    // What of the product the measure stops: its purchase, sale, use or approval.
    ['Senate committee advances bill barring federal purchases of Zentrix cameras', ['Zentrix'], 'ban', 'US-federal'],
    ['Florida to ban purchase of Corvalis drones by state agencies', ['Corvalis'], 'ban', 'US-state:FL'],
    ['UK bans sale of Tessaline smart meters', ['Tessaline'], 'ban', 'UK'],
    // Before "faces" or "hit with" and the measure: a ban over a security concern, export curbs.
    ['Zentrix faces US ban over national security concerns', ['Zentrix'], 'ban', 'US-federal'],
    ['Zentrix Faces US Ban Over National Security Concerns', ['Zentrix'], 'ban', 'US-federal'],
    ['Corvalis drones face possible US ban', ['Corvalis'], 'ban', 'US-federal'],
    ['Quillon Networks hit with new Commerce restrictions', ['Quillon Networks'], 'restriction', 'US-federal'],
    ['Zentrix, Halvex hit with US export curbs', ['Zentrix', 'Halvex'], 'restriction', 'US-federal'],
    // A firm answering its listing: a lawsuit, a challenge, a removal won.
    ['Zentrix Optics sues Commerce over Entity List designation', ['Zentrix Optics'], 'restriction', 'US-federal'],
    ['Corvalis Robotics challenges Pentagon blacklisting in court', ['Corvalis Robotics'], 'restriction', 'US-federal'],
    ['Quillon Networks wins removal from Entity List', ['Quillon Networks'], 'lift', 'US-federal'],
    ['Zentrix shares plunge after Entity List addition', ['Zentrix'], 'restriction', 'US-federal'],
    // Trade and dealings cut with the firm, a deal blocked, a two-part measure around its name.
    ['Biden signs defense bill that bans Pentagon purchases of Zentrix batteries', ['Zentrix'], 'ban', 'US-federal'],
    ['Governor signs law prohibiting state contracts with Zentrix over security risks', ['Zentrix'], 'ban', 'US-state'],
    ['Commerce restricts chip sales to Zentrix and Halvex', ['Zentrix', 'Halvex'], 'restriction', 'US-federal'],
    ['Japan restricts exports of chipmaking tools to Zentrix', ['Zentrix'], 'restriction', 'JP'],
    ['Taiwan bans government use of Zentrix products', ['Zentrix'], 'ban', 'TW'],
    ['Netherlands blocks Zentrix takeover of chip firm over security concerns', ['Zentrix'], 'restriction', 'NL'],
    ['Canada kicks Zentrix out of 5G network', ['Zentrix'], 'ban', 'CA'],
    ['Italy vetoes Zentrix deal on national security grounds', ['Zentrix'], 'ban', 'IT'],
    ['FCC finalizes designation of Zentrix as security threat', ['Zentrix'], 'ban', 'US-federal'],
    ['Pentagon ends contract with Zentrix Robotics over China ties', ['Zentrix Robotics'], 'ban', 'US-federal'],
    // A forced sale: the firm told to sell, and a firm named as what it sells (a real one, 2022).
    ['Canada orders Zentrix to divest its 5G unit', ['Zentrix'], 'restriction', 'CA'],
    ['CFIUS orders Pixelmoor to divest stake in game studio', ['Pixelmoor'], 'restriction', 'US-federal'],
    ['UK orders Nexperia to sell Newport Wafer Fab', ['Nexperia', 'Newport Wafer Fab'], 'restriction', 'UK'],
    ['EU to exclude Zentrix from public tenders over security risks', ['Zentrix'], 'ban', 'EU'],
    ['Zentrix barred from selling equipment in the United States', ['Zentrix'], 'ban', 'US-federal'],
    // Sanctions and list wording: a Treasury press release, a Federal Register title.
    [
      'Treasury Targets Quillon Networks for Enabling Iranian Drone Production',
      ['Quillon Networks'],
      'sanction',
      'US-federal',
    ],
    [
      'OFAC designates Zentrix Electronics for supplying Iran drone program',
      ['Zentrix Electronics'],
      'sanction',
      'US-federal',
    ],
    [
      'Federal Register: Addition of Zentrix Technologies to the Entity List',
      ['Zentrix Technologies'],
      'restriction',
      'US-federal',
    ],
  ])('%s', (title, vendors, action, jurisdiction) => {
    const result = classify(title);
    expect(result).toMatchObject({ relevant: true, vendors, vendorsNew: vendors, action, jurisdiction });
    expect(hasReason(result, `new vendor "${vendors[0] ?? ''}" (not in the catalogue`)).toBe(true);
  });

  it('takes the firm a ban names, not the origin of what it is barred from buying', () => {
    expect(classify('Commerce bars Zentrix from buying American chips').vendors).toEqual(['Zentrix']);
  });

  it('takes a name listed before a catalogued vendor the measure names (a real one, 2020)', () => {
    expect(classify('India bans Shein, TikTok and 57 other Chinese apps')).toMatchObject({
      relevant: true,
      vendors: ['Shein', 'TikTok'],
      vendorsNew: ['Shein'],
    });
    // Sanctions fall on people as often: a name beside a vendor's is not a vendor by that alone.
    expect(classify('US sanctions Petrov, Huawei executives').vendorsNew).toBeUndefined();
  });

  it('takes the whole name up to the product noun', () => {
    expect(classify('Texas bans Harbor Point Systems batteries in state vehicles').vendors).toEqual([
      'Harbor Point Systems',
    ]);
  });
});

describe('look-alikes that name no new vendor', () => {
  it.each([
    // A company acting on its own store or product is not a government.
    ['Apple bans Fablewood Games app from its App Store'],
    ['Microsoft restricts Copilot exports'],
    ['Samsung restricts Galaxy exports to Iran'],
    // A government acting, but no name before the product noun.
    ['Police ban drones at city parade'],
    ['Police Ban Drones At City Parade'],
    // A name, but not before a product or trade noun, or a non-technology trade.
    ['Ohio bans Marlowe from state contracts'],
    ['US sanctions Petrovan oil exports'],
    ['Canada bans Halloway seafood imports'],
  ])('%s', (title) => {
    const result = classify(title);
    expect(result.relevant).toBe(false);
    expect(result.vendorsNew).toBeUndefined();
  });

  it.each([
    // A place, a demonym or an agency in the object's place is not a vendor.
    ['Army bans Ukraine drones from exercises'],
    ['India bans Pakistani apps on official phones'],
    ['Pentagon bans FBI phones at briefings'],
    // A platform, a model number, a month: not vendors.
    ['Florida bans Android apps on state phones'],
    ['US restricts H20 chip exports to China'],
    ['Pentagon bans Monday drone flights'],
  ])('%s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });

  it.each([
    ['Navy Bans Rugged Tablets On Ships'],
    ['Pentagon Bans Smart Cameras'],
    ['Pentagon Bans Smart Surveillance Cameras'],
    ['Pentagon Bans Wearable Devices'],
    ['Army Bans Fitness Tracker Apps'],
    ['Ohio Bans Vaping Devices In Schools'],
    ['US Bans Disposable Vape Devices'],
    ['EU Bans Glyphosate Exports'],
  ])('does not take an ordinary capitalised word in a title-case headline: %s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });

  it.each([
    // People barred or ordered, a generic firm barred from a non-technology trade, trade to a country.
    ['Judge bars Giuliani from practicing law in New York'],
    ['UK bans Andrew Tate from entering the country'],
    ['Court orders Smith to pay damages to former employees'],
    ['Senate bars Smith Holdings from federal contracts'],
    ['Florida bans Marlowe Capital from state pension investments'],
    ['Commerce bars exports to Iran'],
    ['FIFA bans Pogba from football for four years'],
    ['Pogba banned from football for four years'],
    ['Smith barred by Pentagon from base access'],
    ['John Smith banned from federal contracts'],
    ['Russian Oil Group sanctioned by Treasury'],
    // Barred from contracts under the NDAA, but a person's name or one of plain English words.
    ['John Smith barred from federal contracts under NDAA'],
    ['Senate bars Smith Holdings from federal contracts under NDAA'],
    // Barred from contracts with no procurement law named: any contractor, not a technology vendor.
    ['Zentrix Consulting barred from federal contracts'],
    // Stopped from using something, but who is stopped is not a buyer, or what is used is no product.
    ['Pentagon bars troops from using Pokemon Go'],
    // A purchase or use stopped, but of goods no vendor names, or of a trade banwatch does not watch.
    ['Police ban the use of drones at parade'],
    ['Ohio bans the use of Marlowe seafood'],
    ['Senate bars federal purchases of Smith Holdings shares'],
    // A person or a non-technology group facing a measure: sanctions fall on people too.
    ['Pogba faces ban over doping'],
    ['Smith faces US sanctions over corruption'],
    ['Wagner Group hit with fresh US sanctions'],
    ['Petrov sues Treasury over sanctions'],
    // Before a noun measure: a politician's possessive, a sponsor's common name.
    ["Youngkin's drone ban takes effect in Virginia"],
    ['Smith drone ban takes effect in Ohio'],
    // Banned from networks, but a person's name: English has it.
    ['Pentagon bans Smith from federal networks'],
    ['Council bans Smith for employees'],
    ['Ohio bans Marlowe for four years'],
    // A licence revoked by a regulator that licenses no technology, of a person, or of a broadcaster.
    ["FCC revokes Smith's license"],
    ["Texas medical board revokes Zentrix's license"],
    ['FCC bans Smith from market'],
    // A telecoms regulator also licenses broadcasters and rules on their deals; games are banned for troops.
    ['Ofcom revokes RT licence'],
    ["Ofcom refuses to renew Smith's licence"],
    // Told by an employer, or ordered to do what is no measure on a vendor.
    ['Staff told to delete Sordai app'],
    ['Google ordered to pay Sordai $2 million'],
    ['Apple ordered to reinstate Sordai app'],
    // Stopped from buying by whoever is not a government.
    ['Company bars staff from buying Zentrix phones'],
    ['Walmart bars suppliers from using Zentrix chips'],
    // A country's networks may be television's or social ones: no evidence of technology alone.
    ['Smith banned from US networks'],
    ['Kanal Zeta banned from US networks'],
    // Buyers a firm or a hospital may bar too.
    ['Hospital bars agencies from buying Zentrix cameras'],
    ['Kroger bars state employees from buying Zentrix cameras'],
    ['FCC denies Sinclair bid to buy Tribune'],
    ['FCC blocks Sinclair bid for Tribune'],
    ['FCC boots Sinclair from deal'],
    ['Pentagon bans Fortnite for troops'],
    // A maker English has a word for, a place after "from", a non-technology trade after the order.
    ['Pentagon bans drones made by Smith'],
    ['City bans sale of cars made by Ford'],
    ['Police ban drones from Pentagon bases'],
    ['US bans American firms from selling to Iran'],
    ['Ohio bans Marlowe sales'],
    ['Police seize 1,300 Smith rifles'],
    ['Treasury sanctions oil distributor Petrova'],
    // Drones and cameras are banned from places; a trade banwatch does not watch; a person.
    ['Park Service bans drones from Yellowstone'],
    ['City bans imports of seafood from Marlowe'],
    ['Ohio bans purchases of drones from Smith'],
    ['Canada orders Chinese-owned Sinomine to divest stake in lithium mine'],
    ["Denmark's defence ministry bans Zentrix for employees"],
    ['Canada orders Zentrix Mining to cease operations over national security'],
    // Ordered to stop, with no technology, security reason or country it is sent out of: any firm.
    ['Canada orders Walmart to cease operations'],
    ['Canada orders Smith to cease operations'],
    ['Court orders Smith to cease operations of his bakery'],
    ['Ofcom revokes Zentrix TV licence over propaganda'],
    // A possessive with no product after it, a model or program that is no technology, a person.
    ["Pentagon bans Smith's boat"],
    ['Model Kate Moss banned from fashion week'],
    ['Pentagon bans training program Zentrix'],
    ['Smith could be banned by Pentagon'],
    // A ban taking effect with no government named: a common name, a product that is no technology.
    ['Ban on Smith drones takes effect'],
    ['Ban On Smith Drones Takes Effect'],
    ['Ban on Juul e-cigarettes takes effect'],
    ['Ban on Ring doorbell cameras takes effect at school'],
    ['Zentrix camera ban challenged by retailers'],
    // Shares moved by export controls: the firm sells abroad, it is not listed.
    ['Nvidia shares fall as US tightens export controls'],
    ['Russian oligarch Petrov hit with UK sanctions over national security'],
    ['Petrov faces UK travel ban over national security concerns'],
    // Dealings, trade and deals cut, but with no technology in sight, or a person.
    ['Governor signs law prohibiting state contracts with Smith & Wesson'],
    ['Pentagon ends contract with Smith & Wesson'],
    ['Japan restricts exports of seafood to Marlowe'],
    ['Netherlands blocks Marlowe takeover of shipyard'],
    ['Italy vetoes Marlowe deal for steel plant'],
    ['UK kicks Smith out of parliament'],
    ['Treasury targets Smith for corruption'],
    // A deal blocked by a competition regulator, not for security.
    ['FTC blocks Zentrix takeover of chip firm'],
    ['UK regulator blocks Microsoft deal for Activision over cloud gaming'],
    ['EU blocks Zentrix merger with chip rival'],
    // Stopped from using a catalogued vendor's gear: the operator is the buyer, not a target.
    ['New Zealand blocks Spark from using Huawei 5G equipment'],
    // The partner of a catalogued vendor in a blocked deal is not its target (a real headline).
    ['Italian government blocks Fastweb-Huawei 5G deal - report'],
    ['Army bars troops from using Ukraine drones'],
  ])('names nobody when the object is not a technology firm: %s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });
});
