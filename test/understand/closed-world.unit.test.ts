/**
 * The closed world's reading: what of a message the reader cannot settle by
 * itself. Plain answers, thanks, everyday life and symptoms the sentence
 * settles ("no pain", "legs look fine", "it's gone now") leave nothing;
 * words of health, trouble and denied doing are news; two tokens that are
 * no word at all are too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { warmDictionary } from '../../src/flows/text/dictionary.js';
import { forTheOffice, leftOver, needsAPerson, readMessage } from '../../src/flows/understand/index.js';
import { detectRedFlag } from '../../src/flows/safety/index.js';
import { readRequests } from '../../src/flows/understand/index.js';
import { readMissedSpan } from '../../src/flows/understand/missed-span.js';
import { aPersonShouldRead } from '../../src/conversation/for-a-person.js';

// The word lists load once (as the service does after it starts listening), not inside the first test's time.
beforeAll(() => warmDictionary(), 60_000);

const settles = (text: string, known: string[] = []) => !needsAPerson(leftOver(text, known));

describe('what the reader settles by itself', () => {
  it.each([
    '1', '2', 'yes', 'YES I TOOK THEM', 'fine thank you', "I'm doing well today, thanks!", 'Sí, gracias, muy bien', 'todo bien, Dios le bendiga', 'no', '👍',
    'fell asleep in my chair watching tv lol', 'thanks hon have a good night', 'i was dizzy last week but its gone now',
    'no pain no swelling', 'No, nada de hinchazón', "can't complain", 'NO. Legs look fine, my wife checks them',
    'went to church with my granddaughter then we had pancakes', 'hoy fui al mercado con mi comadre y compré frijoles para mi nieta',
    'saw the dr monday and she said everything looks good', 'got my flu shot at the pharmacy tuesday',
    'Sold 3 cows at the sale barn in Fort Dodge, won $40 at bingo after',
    // A tiredness the next clause calls the good kind; "dead" and "muerta de" only say how much.
    'estoy cansadita pero contenta', 'worn out from the wedding but happy', 'muerta de cansancio de tanto cocinar pero contenta',
    // A slip denied is good news.
    "Didn't miss a single day this month", 'no me faltó nada en el viaje',
    // Spanish little-words spelled for their sound ("flaca" becomes "flaquita").
    'la perrita estaba flaquita y ahora está gordita',
    // A denial reaches the body part after the symptom; a change the clinician made is known to the care team.
    'ya no tengo swelling en los pies', 'Ya no me falta el aire como antes', 'No, no he tenido problemas', 'no complaints',
    'Se me quitó el mareo desde que me cambiaron la pastilla', 'the doc switched my water pill and the swelling went down',
    // Someone else's trouble (not family: a relative may be the patient); a trouble not had since; the patient's baseline.
    '1 my dog is sick though, taking her to the vet tomorrow', 'mi vecina anda con mucha tos', 'my neighbor has the flu',
    '1, had some swelling back in August after the long flight but none since', 'a little winded after mowing the whole yard but thats normal for me',
    '1 and before you ask, no, the chest thing never came back', 'the breathing thing cleared up, havent had it since',
    // An empty pill organizer is the day's doses taken; out of cell range is no medicine run out.
    'grandpa says yes he took them, i saw the pill box empty for today', 'Will be out of cell range camping thru Sunday',
    // After a reading, "up" and "down" of a day, not of the measure.
    'Pressure was good. Up early and walked the dog', 'Sugar was fine. Going down to the lake with the grandkids',
    // An organ naming the medicine for it; a heart that is full.
    'took all of them, even my little white heart pill', 'Skated on the pond, no chest trouble, no knee problems',
    // A worsening denied; Spanish sayings of "no change".
    // Money won is no price.
    'Mahjong with the ladies all afternoon, I win $14, they say I cheat haha', 'gané 40 dólares en la lotería y me tomé las pastillas',
    'la tos es la misma de siempre, pero no ha empeorado nada', 'Sigo igual, ni más ni menos', 'ensayamos a las 5 de la mañana y sin toser ni una vez', "Finished the wedding quilt, my heart's full",
    // Hashtags tell no news; the patient's baseline, said so.
    'Feeling AMAZING today!! Walked 2 miles with my walking group #healthyliving #60isthenew40', '2. Same. No swelling, sleep good, cough little bit like always.',
    // A list of things denied together; a denial across the feet to the swelling; swelling that is down; a baseline.
    'There has been no swelling, shortness of breath or weight gain.', '2 no swelling no short of breath', 'Mejor, ya no tengo los pies hinchados',
    "Better. Swelling's down", "Same as ever. Breathing's about what it's been all year.",
    // A night's sleep is no excess of it; a funny story is no symptom.
    'Dormí toda la noche con una sola almohada', "Funny story, I almost grabbed my husband's bottle but caught it",
    // A stop that stops nothing; things that die; "even" between a denial and its word.
    'yes took it at the truck stop in Joplin', 'walked the whole block without stopping, stopping only to admire a cardinal',
    'my blood pressure machine batteries died, new ones tomorrow', 'nurse habits die hard', "danced a cumbia and didn't even get out of breath",
    'my back griped at me but a heating pad and it quit', 'heads up, I will be out of town',
    // English "no" denies a thing, not a doing; dates, "at 8 sharp", blessings, a text sent to the wrong chat.
    'no changes, no trend, no complaints', 'Eye doctor says everything looks good', 'no reading today, the cuff batteries died',
    "I'll be traveling 12/20-1/3 to my daughter's", 'took the Eliquis at 8 sharp', 'Merry Christmas, God bless your hearts',
    'Oops wrong conversation! That was meant for my sister', 'Breathing is as it was', 'I can walk the whole block now. Used to be a 2-stop route lol', 'Ankles are their usual selves', 'fui a la feria y ni me cansé',
    // A body part before its denied state; a figure counting things; a level far from any measure; a broken heart at football.
    'legs not swollen, walked to the swap meet and back', 'Canning is done for the year, 84 quarts of peaches',
    'walked out to the sugar shack and back twice today boiling down sap', 'Ayer Peñarol me rompió el corazón, jaja',
  ])('"%s"', (text) => {
    expect(leftOver(text), text).toEqual({ news: [], unknown: [] });
  });

  it('takes the patient\'s own medicines and a parsed reading\'s words as placed', () => {
    expect(settles('yep took my metformin and lisinopril at 8', ['metformin', 'lisinopril'])).toBe(true);
    expect(settles('bp 128/76 this morning', ['bp', '128/76'])).toBe(true);
    // The "over" of a reading said aloud is not a level ("sugar over 300").
    expect(settles('BP was one eighteen over seventy four at Walmart', ['bp', 'over'])).toBe(true);
  });
});

describe('what goes to a person', () => {
  it.each([
    ['i stopped the water pill cause i was going to the bathroom too much', 'stopped'],
    ['no he tomado mis pastillas desde el lunes', 'tomado'],
    ['my mom is not herself, no quiere comer y duerme todo el día', 'no quiere comer'],
    ["didn't take them, ran out thursday", 'take'],
    ['not feeling so good today', 'good'],
    ['no me siento bien', 'bien'],
    ['my pressure keeps climbing every morning', 'pressure'],
    ['la tos ha empeorado con el frío', 'empeorado'],
    // A course said after the figures, in a clause of its own.
    ['Fasting sugars 182, 190, 205, 211 over the week. Creeping up like tartar.', 'up'],
    ['estoy sola y nadie me ayuda con las medicinas', 'ayuda'],
    ['im using the rescue inhaler like 6 times a day now', 'inhaler'],
    ['la metformina me cae pesada en la panza', 'panza'],
    ['me faltó la pastilla de la noche', 'falto'],
    ['My mother passed away last Tuesday, please take her off the list', 'passed away'],
    ['muerta de miedo con este dolor', 'miedo'],
    ['she stopped eating', 'stopped'],
    ['no swelling but my feet hurt', 'feet'],
    // Taking less to make it last, and the price of it (a sixth fresh corpus, F).
    ["I've been cutting the metoprolol in half to make them last till the 1st", 'make them last'],
    ['no. every other day till payday, the Eliquis was $95 this month', 'cost'],
    ["$80 copay for the inhaler so I'm waiting till next month", 'copay'],
    ['parto las pastillas a la mitad para que me alcancen', 'para que me alcancen'],
    // Said softly ("bajita" is "baja"), and said to be news.
    ['la presión está bajita y me siento flojo', 'presion'],
    ['I have to tell you the room goes sideways when I get up', 'i have to tell you the'],
    ["it's scaring my wife", 'scaring'],
    // A new number or address: staff must record it (found by the panel simulator).
    ['Mom got a new phone, please send her texts to this number from now on. This is her son Mike', 'new phone'],
    ['Tengo nuevo número de teléfono, este es el bueno', 'nuevo numero'],
    ['I changed my number', 'changed my number'],
    // Doses left in the pill box; a reading dictated as a clock time (a seventh round, after F).
    ['no he didnt, grandpa keeps sayin he already took it but the pill box is still full for tues and wed', 'pill box is still full'],
    ['one feeling okay but my sugar was 3:15 this morning', 'sugar'],
    // A relative may be the patient; someone else beside the writer is the writer's news.
    ['my husband is sick, coughing all night', 'sick'],
    ['my friend says i look sick', 'sick'],
    // What passed settles only what it is said of: an "and" keeps the other trouble apart.
    ['my legs are swollen and the cough is gone', 'legs'],
    ['me duele la rodilla y ya se me quitó la tos', 'rodilla'],
    ['he has been more mixed up in the evenings', 'mixed up'],
    ['sleeping most of the day', 'sleeping'],
    // Going without is news however it is denied; so is a doing Spanish "no" denies.
    ['no food in the house', 'food'],
    ['no money for my meds', 'money'],
    ['no ride to dialysis', 'ride'],
    ['no way to get to the pharmacy', 'no way to get'],
    ['no sleep last night', 'sleep'],
    ['no puedo caminar', 'caminar'],
    // Well as it was says it is not now: the clause after does not settle the one before.
    ['Been a bit tired walking to the mailbox lately. Used to be fine.', 'used to be fine'],
    ['antes podía caminar más', 'antes podia'],
    ['she stopped eating', 'stopped'],
    ['My vision has gone blurry in the left eye', 'blurry'],
    ["Pee's been dark as strong tea since yesterday", 'pee'],
    ['He refused his insulin tonight', 'refused'],
    ["I've been taking it twice daily; the label says once", 'label says'],
    ["I've had no get-up-and-go for a week", 'no get up and go'],
    ["don't even want to go down to the Legion with the guys", 'dont even want to go'],
    ['I feel funny', 'funny'],
  ])('"%s" leaves "%s"', (text, word) => {
    const left = leftOver(text);
    expect(needsAPerson(left), text).toBe(true);
    expect(left.news, text).toContain(word);
  });

  // A red flag raises what it raises: its words are placed, whatever the closed world would have said of them.
  it.each([['kind of a squeeze in the middle of my chest that goes up into my jaw'], ['me falta el aire']])('"%s" is a red flag, its words placed with it', (text) => {
    expect(detectRedFlag(text), text).not.toBeNull();
    expect(leftOver(text).news, text).toEqual([]);
  });

  it('reads a list after a denial joined by "and" as what the patient may have', () => {
    expect(detectRedFlag('no swelling, short of breath and dizzy')?.category).toBe('breathing');
    expect(readMessage('no swelling, short of breath and dizzy').concerns).toContain('dizziness');
  });

  it('reads two tokens that are no word as something to read, one as a slip', () => {
    expect(needsAPerson(leftOver('took the xarelto and the jardiance'))).toBe(true);
    expect(needsAPerson(leftOver('took em all, thx Nora'))).toBe(false);
  });
});

describe('concerns beside something that passed', () => {
  it.each([
    ['my legs are swollen and the cough is gone', 'swelling'],
    ['me duele la rodilla y ya se me quitó la tos', 'pain'],
    ['i keep gagging on the new potassium pill', 'vomiting'],
    ['just the usual little puffiness at night', 'swelling'],
  ])('"%s" is %s', (text, category) => {
    expect(readMessage(text).concerns).toContain(category);
  });

  it('reads chart shorthand: "wt 184" is a weight, "no sob" denies shortness of breath', () => {
    expect(readMessage('1 wt same 184, no sob, ankles ok').vitals).toEqual([expect.objectContaining({ kind: 'weight', pounds: 184 })]);
    expect(needsAPerson(leftOver('1 wt same 184, no sob, ankles ok', ['wt', '184']))).toBe(false);
    expect(leftOver('i get sob walking to the mailbox').news).toContain('sob');
  });
});

describe('a symptom said to be better, and a body that did its work', () => {
  // Each form is written here in words of no corpus; the look-alikes below must still reach a person.
  it.each([
    'the itching on my arms is a lot better since the new soap', 'mucho mejor la rodilla, ya subo las escaleras', 'my ankle sprain healed up fine',
    'the sore on my shin is closing up, wound closed last week', 'ya no me pican los ojos desde que cambié las gotas', 'ya no me duelen los pies con los zapatos nuevos',
    'heartburn calmed down after I cut out the late coffee', 'no more stomach cramps since the new diet', 'hips held up the whole trip to Branson',
    "my back didn't act up once at the reunion", 'las rodillas aguantaron toda la procesión', 'got my shingles and flu shots at Walgreens',
    'la vacuna del covid y la de la gripe ya me las pusieron', 'thank you for the phone call on Friday', 'blood pressure been good up north at the lake',
    'bowels are regular again', 'used the rescue inhaler once this month',
  ])('"%s" settles', (text) => {
    expect(readMessage(text).concerns, text).toEqual([]);
    expect(leftOver(text), text).toEqual({ news: [], unknown: [] });
  });

  it.each([
    // Still there, whatever else the clause says.
    ['the itching is still there, better at night', 'side_effects'],
    ['my legs are still swollen but better', 'swelling'],
    // Better as a condition or advice, not a course.
    ['breathing feels better sitting up, cant lay flat at night', 'breathing'],
    ['you better call me my stomach hurts', 'pain'],
    // Not better, not healing, a body that did not hold.
    ['the cough is no better', 'breathing'],
    ["the cut on my foot isn't healing", 'pain'],
    ['ya no puedo caminar, me duelen mucho las piernas', 'pain'],
    // A word one slip from "healed" or "calmed" says nothing passed; nor does "better" inside the concern's own words.
    ['swimmy headed all day', 'dizziness'],
    ['I called up the pharmacy about my swollen feet', 'swelling'],
    ["ain't nothing gonna get better for me", 'mood'],
  ])('"%s" still reaches a person', (text, category) => {
    const reading = readMessage(text);
    const left = leftOver(text);
    expect(reading.concerns.length > 0 || needsAPerson(left), text).toBe(true);
    if (reading.concerns.length > 0) expect(reading.concerns, text).toContain(category);
  });

  it.each([
    ['no me aguantan las piernas', 'aguantan'],
    ['my knees gave out on the stairs', 'knees'],
    ['no more energy to do anything', 'no more energy'],
    ['sin fuerzas para levantarme', 'sin fuerzas'],
  ])('"%s" leaves "%s"', (text, word) => {
    expect(leftOver(text).news, text).toContain(word);
  });

  it('reads a rescue inhaler used often as trouble breathing, and once as no news', () => {
    expect(readMessage('using my rescue puffer every few hours').concerns).toEqual(['breathing']);
    expect(readMessage('grabbed the puffer once on the hike').concerns).toEqual([]);
  });
});

describe('what M taught: a symptom that stopped, a score or an age, and red flags in new words', () => {
  it.each([
    'the heartburn stopped once I ate supper earlier', 'my back pain eased up after the heating pad', 'la terapia me dejó como nuevo',
    'ya se me cerró la llaga del pie', 'bowled a 212 at league night', 'Grandpa turned 88 on Sunday', 'cumplió 79 mi esposo', 'the bp cuff says my pressure didnt budge',
  ])('"%s" settles', (text) => {
    expect(readMessage(text).concerns, text).toEqual([]);
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each([
    // Stopping a thing is news of another kind; a figure after "got" may be a sugar.
    ['I stopped the water pill, it had me up all night', 'stopped'],
    ['got a 58 before lunch and felt shaky', '58'],
    ['he gets lost walking to the mailbox now', 'gets lost walking'],
  ])('"%s" leaves "%s"', (text, word) => {
    expect(leftOver(text).news, text).toContain(word);
  });

  it('reads a weight held until lately against today\'s', () => {
    expect(readMessage('usually 160 on the scale, this morning 167').vitals).toContainEqual({ kind: 'weight_gain', pounds: 7, days: 7 });
  });

  it('takes no "never" for a fever', () => {
    expect(readMessage('never forgot, thirty nine years on these pills').vitals).toEqual([]);
  });

  it.each([
    ['siento una piedra sentada sobre el pecho', 'chest_pain'],
    ['no puede coger aire y tiene las uñas moradas', 'breathing'],
    ['mi mamá está viendo doble', 'stroke'],
    ['a mi papá se le fue la boca de lado', 'stroke'],
    ['pienso tragarme todas mis pastillas de una vez', 'self_harm'],
    ['been giving all my things away, dont see the point of getting up', 'self_harm'],
    ['heavy pressure over my heart area', 'chest_pain'],
    ['my husband is not answering me and his eyes look glassy', 'unresponsive'],
  ])('"%s" is a red flag (%s)', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each(['he never answers his phone', 'mom is not answering her phone', "I can't do this form anymore", 'my grandson is giving his old toys away'])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });
});

describe('what N taught: what is new is denied, Spanish plurals of well, memory slipping, asking what to do', () => {
  it.each([
    'No new problems, the eye doctor said no diabetic damage', 'no other symptoms this week', 'no major issues, just busy with the grandkids',
    'los análisis salieron buenos y los riñones están estables', 'same ol same ol', 'the swelling went right back down once I cut the salt',
    // Only right after the denial: the new dose is no dose denied.
    'no dizziness since the new dose, out cutting hay all week',
  ])('"%s" settles', (text) => {
    expect(readMessage(text).concerns, text).toEqual([]);
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each([
    ['Dad keeps repeating himself and asking me the same questions', 'repeating himself'],
    ['she left the oven on again last night', 'left the oven on'],
    ['mi mamá dejó la estufa prendida dos veces', 'dejo la estufa prendida'],
    ['the new pills are too big, I keep spitting them out', 'spitting them out'],
  ])('"%s" leaves "%s"', (text, words) => {
    expect(leftOver(text).news, text).toContain(words);
  });

  it('takes a little spill for a fall', () => {
    expect(readMessage('took a little spill on the porch steps, no harm done').concerns).toContain('fall');
  });

  it.each([
    ['he is so drowsy, wont hardly wake up for supper', 'unresponsive'],
    ['my wife is hard to wake this morning', 'unresponsive'],
    ['been peeing blood all day on the warfarin', 'severe_bleeding'],
    ['estoy orinando sangre desde anoche', 'severe_bleeding'],
    ['head has been throbbing since noon and now everything looks fuzzy', 'stroke'],
  ])('"%s" is a red flag (%s)', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it('reads a meter that says HI beside a sleepiness as a high sugar in danger', () => {
    expect(readMessage('meter reads HI and she is real sleepy').concerns).toContain('glucose_high_danger');
  });

  it.each(['my new address is 12 Oak Rd Apt 4B', 'me mudé a la calle Sol 200, apto 5'])('"%s" asks for no appointment', (text) => {
    expect(readRequests(text), text).not.toContain('appointment');
  });

  it.each(['sugars 250-280 all week, kindly advise', 'bp keeps dropping when I stand, please advise', 'let me know what to do about the cough', 'díganme qué hago con la insulina'])(
    '"%s" asks a person what to do',
    (text) => {
      expect(aPersonShouldRead(text, { medications: [], reading: readMessage(text), answered: { observations: [] }, answerTaken: false }), text).toBe(true);
    },
  );

  it('takes "more than I know what to do with" for no question', () => {
    const text = 'the tomatoes came in, more than I know what to do with';
    expect(aPersonShouldRead(text, { medications: [], reading: readMessage(text), answered: { observations: [] }, answerTaken: false })).toBe(false);
  });
});

describe('what O taught: an answer before "all good", later is no denial, spent and going without, and red flags in new words', () => {
  it.each([
    'no all good', 'Yes, just not till lunch today, slept in', 'the walker my granddaughter got me helps a lot',
    'Thanksgiving was lovely, ate too much turkey', 'everyting fine wid me, tanks', 'no hasta la tarde me las tomé, todo bien',
  ])('"%s" settles', (text) => {
    expect(readMessage(text).concerns, text).toEqual([]);
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each([
    ['I feel so wiped out since the new water pill', 'so wiped out'],
    ['insurance denied the inhaler and I been without it since Friday', 'been without it'],
    ['llevo tres días sin la insulina', 'llevo tres dias sin la'],
    ['not all good, been sleeping too much lately', 'sleeping'],
    ["honestly I'm tired of fighting this", 'tired of fighting'],
  ])('"%s" leaves "%s"', (text, words) => {
    expect(leftOver(text).news, text).toContain(words);
  });

  it.each([
    ['coughing up pink frothy spit all night', 'breathing'],
    ['tengo una flema rosada con espuma', 'breathing'],
    ['all my pills are lined up on the dresser', 'self_harm'],
    ['his right arm just went limp and heavy at supper', 'stroke'],
    ["grandma fell and she's not waking up right", 'unresponsive'],
  ])('"%s" is a red flag (%s)', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each(['my right foot is numb like always from the sugar', 'my pills are lined up in the organizer for the week'])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });
});

describe('what P taught: thanks for a ride, a gift from the care team, doses left in the box, and a slip of the patient\'s own', () => {
  it('takes "acting up" for no aching', () => {
    expect(readMessage('my allergies are acting up with the ragweed').concerns).toEqual([]);
  });

  it.each(['thank you for the ride to the clinic, the driver was lovely', 'the scale y\'all sent me is a blessing'])(
    '"%s" raises no concern and settles',
    (text) => {
      expect(readMessage(text).concerns, text).toEqual([]);
      expect(needsAPerson(leftOver(text)), text).toBe(false);
    },
  );

  it('reads doses still in the pill box, said after them', () => {
    expect(leftOver('she said yes but Monday is still full in her pill box').news).toContain('still full in her pill box');
  });

  it('reads a chest "paining me" as chest pain', () => {
    expect(detectRedFlag('my chest is paining me since morning')?.category).toBe('chest_pain');
  });

  it.each([
    ['Sorry wrong number meant to text my grandson', false],
    ['perdón, me equivoqué de chat, era para mi hija', false],
    ['sorry wrong number', true],
    ['wrong number, I think you meant to text someone else', true],
    ['sorry you meant to text someone else, wrong number', true],
    ['este mensaje es para otra persona, número equivocado', true],
    ['oops I sent that to the wrong person', false],
    ['número equivocado', true],
  ])('"%s" is a wrong number: %s', (text, wrong) => {
    expect(readRequests(text).includes('wrong_number'), text).toBe(wrong);
  });
});

describe('what Q taught: the menu answer is no pain score, red flags in plain words, and our own message missed', () => {
  it.each([
    // The 3 answers "1 better, 2 same, 3 worse"; the score is what is said out of ten.
    ['3 my stomach pain is 10 out of 10, been doubled over since 4am', 10],
    ['8 today, hips real bad', 8],
    ['great day, pain is only a 1', 1],
  ])('"%s" scores pain %i', (text, score) => {
    expect(readMessage(text).vitals).toContainEqual({ kind: 'pain', score });
  });

  it('keeps the pain concern when a menu answer heads an account of it', () => {
    const reading = readMessage('2 - got a pain in the head this morning, real bad, worse than last week');
    expect(reading.concerns).toContain('pain');
    expect(reading.vitals.filter((v) => v.kind === 'pain')).toEqual([]);
  });

  it.each([
    ['My husband can\'t get his words out and his right hand is weak, started 20 minutes ago', 'stroke'],
    ['2 - got a pain in the head this morning like a thunderclap, worst I\'ve had in my life', 'stroke'],
    ['3 - pooping black sticky stuff since yesterday and I\'m real weak', 'severe_bleeding'],
    ['a mi papá no le salen las palabras desde hace rato', 'stroke'],
    ['I just want to be done with it', 'self_harm'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each([
    'my right foot is numb like always',
    'my left leg is weak since the surgery, PT helps',
    'Dr said I can stop the prednisone after Friday, so I\'ll be done with it then',
  ])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });

  it.each([
    ['my sugar been runnin 300 and up all week, 355 this mornin', { kind: 'glucose', mgdl: 355 }],
    ['1. Much better, thank you. BP 130 on 80 this morning', { kind: 'blood_pressure', systolic: 130, diastolic: 80 }],
  ])('reads "%s"', (text, vital) => {
    expect(readMessage(text).vitals).toContainEqual(vital);
  });

  it('reads a sugar dipping as low, and the blood of a test as no bleeding', () => {
    expect(readMessage('sugar keeps dippin before supper, I eat a candy and it come back up').concerns).toContain('glucose_low');
    expect(readMessage('¿Cuándo me toca el próximo examen de sangre?').concerns).toEqual([]);
    expect(readMessage('el azúcar en la sangre salió 110').concerns).toEqual([]);
    expect(readMessage('le sale sangre de la nariz').concerns).toContain('bleeding');
  });

  it('takes "breathing easier" for no breathing trouble, and "what\'s the point anymore" in Spanish for low mood', () => {
    expect(readMessage('a wee bit better, breathing easier since the steroids finished').concerns).toEqual([]);
    expect(readMessage('dice que ya para qué').concerns).toContain('mood');
    expect(readMessage('¿para qué sirve esta pastilla?').concerns).toEqual([]);
  });

  it('reads pills finished as run out, and a helper named as no call for help', () => {
    expect(readRequests('Mi pressure pill dem finish from yesterday')).toContain('refill');
    expect(readRequests('Yes my son help me take. Thank you')).toEqual([]);
    expect(readRequests('please help me')).toContain('distress');
  });

  it.each(['Perdón, apenas vi el mensaje. 1', 'Sorry I missed your call, todo bien por aquí', 'Dr said I can stop the prednisone after Friday'])(
    '"%s" settles',
    (text) => {
      expect(leftOver(text).news, text).toEqual([]);
    },
  );

  it.each(['missed my pills, sorry I missed your call', 'apenas puedo caminar'])('"%s" is still news', (text) => {
    expect(needsAPerson(leftOver(text)), text).toBe(true);
  });

  it.each([
    'Hello, I want to know if clinic have Vietnamese interpreter for my visit next week',
    'quisiera saber si ya llegaron mis resultados',
  ])('"%s" asks a person something', (text) => {
    const reading = readMessage(text);
    expect(aPersonShouldRead(text, { medications: [], reading, answered: { observations: [] }, answerTaken: false }), text).toBe(true);
  });
});

describe('what R taught: a stay in hospital, a tiredness with its everyday cause, and care named in Spanish order', () => {
  it.each(['Buenas, quería avisar que me internaron el fin de semana por el azúcar', 'estuve en urgencias el sábado', 'la hospitalizaron el martes'])(
    '"%s" is news',
    (text) => {
      expect(needsAPerson(leftOver(text)), text).toBe(true);
    },
  );

  it.each([
    '1 todo bien, just tired from babysitting los nietos jaja',
    'worn out from the trip',
    'cansada de tanto cocinar',
    '1 to bien nena, ya terminé la terapia de la rodilla y estoy caminando mejor',
    '1. Mejor. Ya camino media hora al día por el parque con mi marido.',
  ])('"%s" settles', (text) => {
    expect(readMessage(text).concerns, text).toEqual([]);
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each([
    'tired from the new pill',
    'tired from walking to the mailbox',
    'so tired from not sleeping',
    'cansado de subir las escaleras',
    'tired from the chemo',
  ])('"%s" is still news: a medicine, an exertion, a lack or a treatment tires', (text) => {
    expect(needsAPerson(leftOver(text)), text).toBe(true);
  });

  it('reads a refill picked up, said the other way round, as done; one never called in is still asked for', () => {
    expect(readRequests('my refill for the atorvastatin got picked up, thanks for calling it in')).toEqual([]);
    expect(readRequests('my refill was never called in')).toContain('refill');
  });

  it('reads the worst headache of a life in Spanglish, with an eye failing, as a stroke sign', () => {
    expect(detectRedFlag('mi mamá has a really bad headache, dice que es el peor de su vida y no ve bien de un ojo')?.category).toBe('stroke');
  });
});

describe('what S taught: an overdose however much, a weapon looked at, a long lie, a figure off a machine', () => {
  it.each([
    ['he just took a whole extra bottle of his sleeping pills, said he wanted to be done', 'overdose'],
    ["I've got my husband's old pistol out and I keep looking at it", 'self_harm'],
    ['tengo la pistola cargada en la mesa', 'self_harm'],
    ['Fell in the kitchen 20 min ago and cant get up, hip hurts real bad', 'fall'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each(['took the bottle of pills to the pharmacy for a refill', 'went hunting, had the rifle out all morning, got a deer'])(
    '"%s" is no red flag',
    (text) => {
      expect(detectRedFlag(text), text).toBeNull();
    },
  );

  it.each([
    ['el corazón me late rapidísimo, el aparato marca 138 y me siento mareada', 138],
    ['heart beating too fast, the machine say 148', 148],
  ])('reads the pulse a machine shows in "%s"', (text, bpm) => {
    expect(readMessage(text).vitals).toContainEqual({ kind: 'pulse', bpm });
  });

  it('reads a meter at HI with thirst and water passed all day as a high sugar in danger', () => {
    expect(readMessage('sugar meter says HI, then 412 when I rechecked. So thirsty, peeing constantly').concerns).toContain('glucose_high_danger');
    expect(readMessage('sugar 180, thirsty and peeing a lot').concerns).not.toContain('glucose_high_danger');
  });
});

describe('what T taught: medicine put anywhere but taken, a limb out of shape, figures that pick nothing', () => {
  it.each([
    ['Yes for me, no for Earl. He hid his pills in the couch cushion again, found 2 days worth', 'hid his pills'],
    ['took my pills, held the water pill because of the trip', 'held'],
    ['she spits out her pills when I am not looking', 'spits out'],
    ['YES. Every blessed one of the 11 pills. Tho the new one makes everything taste like I licked a penny', 'makes everything taste'],
    ['my father aged 79 years is having loose motions since yesterday, 6 times', 'loose motions'],
    ['they want me to pay more for the water pill now', 'pay more for the water pill'],
  ])('"%s" is news (%s)', (text, news) => {
    expect(leftOver(text).news, text).toContain(news);
  });

  it.each([
    "didn't miss any of my pills",
    'grandpa says yes he took them, i saw the pill box empty for today',
    'Se me quitó el mareo desde que me cambiaron la pastilla',
    'stopped at the pharmacy and got my pills',
    'Yes took them. Skipped breakfast though',
    'Sí señor, todititas. Hasta la pastillota de caballo.',
    'we pay more for gas these days',
  ])('"%s" settles', (text) => {
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each([
    ['YES las tomé, but now my face and tongue se están hinchando con el antibiótico nuevo, me cuesta tragar', 'allergic_reaction'],
    ['3, me siento peor. A veces pienso que sería mejor no despertar. No sé a quién más decirle.', 'self_harm'],
    ["Granny took a tumble off the porch steps, her wrist is bent wrong and she's hollerin", 'fall'],
    ['se cayó y la muñeca le quedó chueca', 'fall'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each(['my knee is bent from the surgery but healing', 'the pipe under the sink was bent wrong', 'sería mejor no salir con esta lluvia'])(
    '"%s" is no red flag',
    (text) => {
      expect(detectRedFlag(text), text).toBeNull();
    },
  );

  it('asks for guidance without a question mark: a person answers', () => {
    const text = 'Respected Doctor, my father is unwell since yesterday. Please guide.';
    expect(aPersonShouldRead(text, { medications: [], reading: readMessage(text), answered: { observations: [] }, answerTaken: false })).toBe(true);
  });

  it.each(['not breathing easier at all', 'I am not breathing well', 'no respiro bien'])('"%s" is trouble breathing', (text) => {
    expect(readMessage(text).concerns, text).toContain('breathing');
  });

  it('a reading beside the patient\'s own usual goes to a person; a reading alone settles', () => {
    const person = (text: string) => aPersonShouldRead(text, { medications: [], reading: readMessage(text), answered: { observations: [] }, answerTaken: false });
    expect(person('oxygen 90 today, usually 95')).toBe(true);
    expect(person('el oxígeno 91, normalmente ando en 96')).toBe(true);
    expect(person('oxygen 96 today')).toBe(false);
  });

  it('an inhaler called a puffer is no breathing trouble', () => {
    expect(readMessage("1 better. Breathing's easier since the new puffer").concerns).toEqual([]);
    expect(readMessage('huffing and puffing up the stairs').concerns).toContain('breathing');
  });
});

describe('what U taught: red flags in a chart\'s words and in dictation, a threat told from a report, texts meant for someone else', () => {
  it.each([
    ['Since 0500 I have had substernal pressure radiating to L arm, diaphoresis', 'chest_pain'],
    ["to I can't breed good since last night, lips look kind of blew", 'breathing'],
    ['Foot dem swell up big an mi cyaan lie down flat fi breathe', 'breathing'],
    ['I have used my inhaler without relief', 'breathing'],
    ['I have developed hives over my trunk and my voice has become hoarse', 'allergic_reaction'],
    ['found him on the kitchen floor, he says he hit his head', 'fall'],
    ['tired of being a burden. been counting up my pills, how many it would take', 'self_harm'],
    ['today I took like 3 of the pink ones para reponer, now my heart is doing flip flops', 'overdose'],
    ['sometimes I think about taking all my pills at once and being done with it', 'self_harm'],
    ['I want to take all my pills and sleep forever', 'self_harm'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each([
    'Yes my mother take all her medicine this morning, I give it to her myself',
    'we cant breed the dogs anymore, too old',
    'the Cowboys gonna give me un ataque al corazon este ano I swear',
    'counted my pills into the organizer for the week',
  ])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });

  it.each(['Perdon, ese mensaje no era para ustedes, era para mi hermana', 'Sorry po wrong send, that was for my pamangkin'])('"%s", meant for someone else, settles', (text) => {
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it.each(['what time does the office open saturday', 'Mi inglés no es muy bueno'])('"%s": "does" is no "doe", "inglés" no "ingle"', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
  });

  it.each([
    ['1. Mejor, la tos se me ha quitado del todo y ya duermo de un tiron', []],
    ['1. better. the cough finally quit. sleepin through the night now', []],
    ['the swelling has eased', []],
    ['the cough is still bad', ['breathing']],
  ])('"%s": what has passed for good is no concern', (text, concerns) => {
    expect(readMessage(text).concerns, text).toEqual(concerns);
  });

  it.each([
    ['my wife say yall call me more than my own kids do', []],
    ['lol my husband says I take more pills than a Walgreens', []],
    ['WHO GAVE YOU THIS NUMBER', ['who_is_this']],
    ['please call me', ['callback']],
    ['I need more pills', ['refill']],
  ])('"%s" asks for %j', (text, requests) => {
    expect(readRequests(text), text).toEqual(requests);
  });

  it('"nuh" denies as "no" does: "Nuh complain" is no news', () => {
    expect(leftOver('Pressure 128/78 this morning. Nuh complain.', ['128/78', 'pressure']).news).toEqual([]);
  });

  it('a text meant for someone else that says something of health is still read', () => {
    expect(needsAPerson(leftOver('sorry that was for my sister. been real weak and woozy since monday'))).toBe(true);
  });
});

describe('what V taught: stroke signs read together, advice that is no improvement, "can\'t" as it is spoken', () => {
  it.each([
    ['the words not come right. and my wife says my face look funny', 'stroke'],
    ["Daddy ain' talkin right since his nap an he cyan hol his coffee cup", 'stroke'],
    ['her mouth is sagging and her hand gave out on her, dropped the fork twice', 'stroke'],
    ['mi papá tiene la cara rara y no le salen las palabras', 'stroke'],
    ['Kindly note I passed bright red blood per rectum twice overnight', 'severe_bleeding'],
    ['ya no le encuentro sentido a la vida', 'self_harm'],
    ['tengo juntadas todas mis pastillas en una bolsa', 'self_harm'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each([
    // One sign alone is a person's to read, not a 911: a numb hand is often a neuropathy's.
    'my hand is numb again in the mornings',
    'my grandson says my face looks funny with the new glasses',
    // Denied signs are no signs.
    'no numbness in my arm and my face is fine, the words come out ok',
  ])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });

  it.each([
    ['Wife says I quit breathing at night and I fall asleep at red lights. Figured I better mention it.', ['breathing']],
    ['snoring so loud the dog leaves the room, thought I better say so', ['snoring']],
  ])('"%s": "I better mention it" is advice, and settles nothing said before it', (text, news) => {
    expect(leftOver(text).news, text).toEqual(expect.arrayContaining(news));
  });

  it.each(['had a cough monday. I better now', 'dizzy yesterday, better today'])('"%s": better said of the patient still settles', (text) => {
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it('"cyan", "cyaan", "caint": can\'t as it is spoken denies what follows', () => {
    expect(leftOver('de pharmacy cyan fill my water pill').news).toContain('fill');
    expect(detectRedFlag('mi cyaan breathe good')?.category).toBe('breathing');
    expect(detectRedFlag('I caint catch my breath')?.category).toBe('breathing');
  });

  it('"meter say HI" with thirst and water passed is a high sugar in danger', () => {
    expect(readMessage('my sugar meter say HI, so thirsty and peein all night').concerns).toContain('glucose_high_danger');
  });

  it.each([
    'Braves about gave me a stroke in the 9th, what a game',
    'I about died of fright in that haunted house lol',
    'granddaughter is dying her hair purple',
  ])('"%s" is a figure of speech', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
    expect(needsAPerson(leftOver(text)), text).toBe(false);
  });

  it('a comadre, as a neighbour, is never the patient: her fall is not the patient\'s', () => {
    expect(readMessage('mi comadre se cayó en la iglesia el domingo').concerns).toEqual([]);
    expect(readMessage('me caí en la iglesia el domingo').concerns).toEqual(['fall']);
  });

  it('"ain\'t come back" says a trouble passed', () => {
    expect(readMessage("the dizzy spells ain't come back since the new pill").concerns).toEqual([]);
  });
});

describe('what W taught: the family\'s confusion, a bleed by its length, a pulse off a watch, "mejor" that is "rather"', () => {
  it.each([
    ["she's been calling me by my mom's name and doesnt know what day it is", 'confusion'],
    ['mi papá no sabe en qué año estamos', 'confusion'],
    ['I coughed up a wicked amount of blood this mornin', 'severe_bleeding'],
    ['my wife is bleeding from the nose since one hour', 'severe_bleeding'],
  ])('"%s" is a %s red flag', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it.each([
    // Of oneself, a joke; blood named by a test; laughter, golf and love.
    "I don't know what day it is lol, retirement is great",
    'ya no sé ni qué día es jaja',
    'threw up twice before the blood test this morning',
    'my grandson keeps calling me by my name, so grown up',
    'LAUGHED SO HARD AT THE SCHOOL PLAY I COULDNT BREATHE LOL',
    'had a penalty stroke on 14, what a stroke of luck the rest went fine',
    'I fell head over heels for that new detective show',
  ])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text), text).toBeNull();
  });

  it('reads a figure off a watch named again by "it", further from the heart than a figure said beside it', () => {
    expect(readMessage("Heart's pounding like crazy, checked my watch it says 158").vitals).toEqual([{ kind: 'pulse', bpm: 158 }]);
  });

  it('"mejor me tomo mi té" is what they do instead, no improvement: the diarrhea before it stays a concern', () => {
    expect(readMessage('No. Las de la azúcar me dan mucha diarrea, mejor me tomo mi té de nopal.').concerns).toContain('vomiting');
    expect(readMessage('tenía diarrea la semana pasada, ya estoy mejor').concerns).toEqual([]);
  });

  it.each([
    ['Muchas gracias a la enfermera Rosa por llamarme la semana pasada', []],
    ['Is this the pharmacy or the doctor?', ['who_is_this']],
  ])('"%s" asks for %j', (text, requests) => {
    expect(readRequests(text), text).toEqual(requests);
  });

  it.each([
    'Found my wedding dress in the old hope chest today, can you believe it still fits?',
    'this is Aiden texting for my grandma, she says 1 and that shes fine and to stop worrying lol',
    '2 same. Only thing going downhill is my tomatoes, they are dying on the vine. Me I am fine.',
    '1. Fine as frog hair. Only thing sick round here is my truck.',
    'Ay, este calor nos está matando. Nomás quería saludar.',
    'la cartera me está sangrando con tanto regalo de Navidad jaja',
  ])('"%s" is settled', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
  });

  it.each([
    ['Me llegó una factura de $45 y tengo Medicare, ¿eso es un error?', 'billing'],
    ['¿Cuánto cuesta la consulta?', 'billing'],
    ["Y'all gonna be closed for Mardi Gras?", 'office_hours'],
    ['Señorita, ¿la doctora Salas todavía atiende ahí o se fue a otra clínica?', 'office_hours'],
    ['¿Atienden el viernes santo? Quiero llevar los papeles del seguro.', 'records'],
    ['I CANT FIND MY LAB RESULTS ON THE PORTAL', 'records'],
    ['My cousin says your clinic helped her a lot. Can she sign up for the texting too?', 'how_we_write'],
    ['¿El 1 es mejor o peor? Se me olvidó.', 'how_we_write'],
  ])('"%s" is the front desk\'s (%s)', (text, topic) => {
    expect(forTheOffice(text), text).toContain(topic);
  });

  it.each([
    // A ride had is no news; a ride gone without is.
    ['my son will give me a ride to the appointment', []],
    ['mi hija me va a llevar a la cita', []],
    ['I have no ride to the appointment', ['ride']],
    ['no tengo quien me lleve a la cita', ['lleve']],
    ["can't get a ride to the pharmacy", ['cant', 'ride']],
    // Asked for, it is gone without.
    ['need a ride to my appt friday do yall help with that', ['need', 'ride']],
    ['ocupo quien me lleve a la cita', ['ocupo', 'lleve']],
    ['can I get a ride to my appointment?', ['ride']],
  ])('"%s" leaves %j', (text, news) => {
    expect(leftOver(text).news, text).toEqual(news);
  });

  it('help asked with a chore is no cry for help; "help me" still is', () => {
    expect(readRequests('the portal wants a password with a symbol. Who can help me with this meshugas?')).toEqual([]);
    expect(readRequests('please help me')).toEqual(['distress']);
    expect(forTheOffice('¿A qué hora es mi cita del martes? No encuentro el papelito.')).toEqual(['appointments']);
  });

  it.each(['how much does the insulin cost now', "I can't see the doctor, no ride", 'what does 2 mean, I forgot my pills', 'need a ride to my appt friday do yall help with that'])('"%s" stays with the care team', (text) => {
    expect(forTheOffice(text), text).toEqual([]);
  });

  it('"it still works" of a phone is no doctor still practising there', () => {
    expect(forTheOffice('dropped my phone in the sink but it still works lol')).toEqual([]);
    expect(forTheOffice('does Dr. Patel still work there?')).toEqual(['office_hours']);
    expect(forTheOffice('mi hijo trabaja en Texas y está bien')).toEqual([]);
  });
});

describe('habits given up, and someone else gone on about', () => {
  it.each([
    '1 better sugars been running one tens since I quit the mountain dew',
    'quit smoking 3 months ago, feel great',
    'dejé el refresco y me siento mejor',
    '1 mejor, ya no se me hinchan los pies desde que me quitaron la sal',
    'My cat stole the whole kielbasa, now he lies on the sofa like a dead body. Very bad cat.',
    'My neighbor fell down the stairs. She broke her hip, poor thing.',
  ])('"%s" is settled', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
  });

  it.each([
    // A medicine is no habit, and water is no vice.
    ['I quit the water pill', 'quit'],
    ['stopped the sugar pill last week', 'stopped'],
    ['I stopped drinking water, it makes me run to the bathroom', 'stopped'],
    ['I stopped drinking and eating since Sunday', 'stopped'],
  ])('"%s" is news', (text, news) => {
    expect(leftOver(text).news, text).toContain(news);
  });
});

describe('what X taught: part of a dose, a medicine told two ways, the portal and the car park, history, shapes and shows', () => {
  it.each([
    ['si pero nomas la mitad, la doctora de la clinica me dijo otra cosa y ya no se cual es la buena', ['nomas la mitad', 'ya no se cual', 'dijo otra cosa']],
    ['yes but just half of the water pill', ['just half']],
    ["I don't know which one is the water pill", ['dont know which']],
    ['no sé cuánto tomar de la insulina', ['no se cuanto tomar']],
  ])('"%s" leaves %j', (text, news) => {
    expect(leftOver(text).news, text).toEqual(news);
  });

  it.each([
    'Thank you for asking dear. My granddaughter made me a heart shaped cake for my birthday',
    'My neighbor is a nurse at St. Marys, she says you folks run a tight ship',
    'my wife says I yell at the TV doctor shows too much',
    'that peach cobbler gonna be the death of me',
  ])('"%s" is settled', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
  });

  it.each([
    ['What time do you open on Saturdays? I need to drop off my blood pressure log', 'records'],
    ['Where do I park for the lab? Last time I circled for 20 minutes', 'office_hours'],
    ['¿Dónde me estaciono para los laboratorios? La otra vez no encontré lugar', 'office_hours'],
    ['Hola, no puedo entrar al portal, me dice que la contraseña está mal. ¿Me pueden ayudar?', 'records'],
    ["Hi, I can't log into the patient portal. It says my password expired. Who do I call?", 'records'],
  ])('"%s" is the front desk\'s (%s)', (text, topic) => {
    expect(forTheOffice(text), text).toContain(topic);
  });

  it.each(['I need to drop off my blood pressure log, it has been high all week', "can't log into the portal and my chest hurts"])('"%s" stays with the care team', (text) => {
    expect(forTheOffice(text), text).toEqual([]);
  });
});

describe('whether a person is there', () => {
  it.each(["1 im good. Quick q, does the 'reply 1' thing go to a real person or a robot? lol", 'is this a bot?', '¿es una máquina o una persona de verdad?'])('"%s" asks who we are', (text) => {
    expect(readRequests(text), text).toEqual(['who_is_this']);
  });

  it('a robot vacuum asks nothing', () => {
    expect(readRequests('my robot vacuum is broken lol')).toEqual([]);
  });
});

describe('what Y taught: Spanish written by ear, grandchildren, doses left in the box, and a real word is no typo', () => {
  it.each([
    // Written as it sounds: "estoi", "grasias", "ija", "yevo", "rodiya", "bacuna", "farmasia", "desirle".
    '1 estoi bien grasias a dios mi ija me yevo al baile',
    '1 mejor grasias ya no me duele la rodiya',
    'nomas pa desirle q ya me puse la bacuna de la gripe en la farmasia',
    // Grandchildren are never the patient.
    "my grandson broke his arm at hockey, poor kid, but he's milkin it. anyway im fine, just braggin he scored first",
    // Cured, and a swelling undone.
    'Hi! just letting you know I finished the antibiotics, the infection está completamente curada, gracias a todos',
    '1, mucho mejor, ya no me falta el aire como antes y las piernas ya están deshinchadas',
    // None slipped by; the care team's hands; a name one is not; the military's clock.
    'Sí chamo, todas, no se me pasó ninguna',
    'Yes my dear, I have taken all of them. May God bless the work of your hands',
    "wrong number creo, my name isn't Rosa",
    'Affirmative. All meds taken 0600. Evening dose scheduled 1800.',
  ])('"%s" is settled', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
    expect(leftOver(text).unknown, text).toEqual([]);
  });

  it.each([
    // A word of health written by ear is that word, even where it could pass for another word's form.
    ['ando con bomitos', ['vomitos']],
    // A dose that slipped by; doses left in the organizer; a mother getting confused.
    ['se me pasó la de la noche', ['se me paso la de la']],
    // An illness that passed is no dose that did.
    ['Nada, ya no me duele el pecho cuando toso, ya se me pasó la gripa', []],
    ['mi mamá dice que yes pero I found the pills de hoy y de ayer still in the pastillero, se está confundiendo', ['pills de hoy y de ayer still in the pastillero', 'confundiendo']],
    // "Stepped" is a word of its own, not a slip of "stopped": the numbness is not settled by it.
    ["2 same lang, but the numbness in my toes is going up to my ankle now, and I stepped on a tack and didn't feel it", ['numbness', 'toes', 'ankle', 'feel']],
    // Someone's hands of their own are still news.
    ['my hands are shaking', ['hands', 'shaking']],
  ])('"%s" leaves %j', (text, news) => {
    expect(leftOver(text).news, text).toEqual(news);
  });

  it('reads a gain put as a chart puts it', () => {
    expect(readMessage('my home scale has recorded an increase of 3.5 pounds since yesterday morning').vitals).toEqual([{ kind: 'weight_gain', pounds: 3.5, days: 1 }]);
  });

  it.each([
    ['my address changed, ahora vivo en 1420 Calle Sol apt 3, please update', 'contact_details'],
    ['What time does the pharmacy in your building close on Saturday?', 'office_hours'],
    ['¿Y esto me lo van a cobrar? Porque el mes pasado me llegó una cuenta de 20 dólares', 'billing'],
    ['Do you guys take Medicare Advantage? my seguro changed en enero', 'billing'],
    ['¿Ustedes mandan esto todos los días? Es que me llega a las 6 de la mañana y me despierta', 'how_we_write'],
  ])('"%s" is the front desk\'s (%s)', (text, topic) => {
    expect(forTheOffice(text), text).toContain(topic);
  });

  it('a medicine dearer since the plan changed stays with the care team', () => {
    expect(forTheOffice('my insurance changed and now my metformin is $80')).toEqual([]);
  });

  it('a refill collected asks for none', () => {
    expect(readRequests('Good morning. I just want to inform you that I have collected my refill from Walgreens. Thank you for your help')).toEqual([]);
  });
});

describe('what Z taught: a slip told plainly, a fever run out of, how to answer us, an emergency contact', () => {
  it('reads a slip in learner English\'s plain form as a fall, but not a slip-up', () => {
    expect(readMessage('1. But I slip in bath Sunday. Not hurt much. Daughter say I should tell.').concerns).toContain('fall');
    expect(readMessage('I slip up sometimes with the evening pills').concerns).not.toContain('fall');
  });

  it('a fever one no longer has is no medicine run out', () => {
    expect(readMissedSpan('1. Ya estoy mejor de la gripa que le conte, ya no tengo calentura desde el jueves', 1)).toBeNull();
    expect(readMissedSpan('ya no tengo pastillas desde el jueves', 1)).toBe(4);
  });

  it.each([
    ['I have been eating less', ['eating']],
    ['walking less since the cold came', ['walking']],
    // An amount of a thing is a diet's news.
    ['I eat less salt now like the doctor said', []],
  ])('a body\'s work done less is news: "%s" leaves %j', (text, news) => {
    expect(leftOver(text).news, text).toEqual(news);
  });

  it.each([
    // A test named for what it tries.
    'got my breathing test back, lungs holdin steady the doc said, same as last year',
    // Someone else pointed at: "it's my grandson who's limping".
    "1. Right as rain. It's my grandson who's limping",
  ])('"%s" is settled', (text) => {
    expect(leftOver(text).news, text).toEqual([]);
  });

  it.each([
    // Less of a symptom is better: the marker takes the symptom's word with it.
    ['1 better. coughin less since the new inhaler, slept the whole night through', []],
    ['Less pain today thank you', []],
    ['menos dolor hoy, gracias', []],
    // Not of what else is worse.
    ['coughing less but the swelling is worse', ['swelling']],
    // Hopelessness however it is said (the "better" in it is its own).
    ['nothing is gonna get better', ['mood']],
    ['it will never get better', ['mood']],
  ])('"%s" is read as concerns %j', (text, concerns) => {
    expect(readMessage(text).concerns, text).toEqual(concerns);
  });

  it('an emergency contact asks for no help, and is the front desk\'s to update', () => {
    const text = 'Hi, we got married last month! Please update my emergency contact to my husband Daniel Reyes, same number as before';
    expect(readRequests(text)).toEqual([]);
    expect(forTheOffice(text)).toContain('contact_details');
    expect(readRequests('I need help, this is an emergency')).toContain('distress');
  });

  it.each([
    'yes my daughter watched me take them lol. is this text going to come every morning?',
    'Si, ya las tome. ¿Tengo que contestar todos los dias o solo cuando me escriben?',
    'Yes. Figured out the pill box finally. Do I just answer YES or do you want the names of the pills too?',
    'Do you want me to text back on Sundays too or do you take the Sabbath off?',
  ])('how to answer us is the front desk\'s: "%s"', (text) => {
    expect(forTheOffice(text)).toContain('how_we_write');
  });
});


describe('what AA taught: a heart told at length, a danger told of another, a cuff read out, a supply about to end', () => {
  it.each([
    '2 - chest feels like a belt cinched up tight and its goin down my left arm. started when I was reddin up the garage. sweatin like crazy',
    'my chest has felt all day like somebody cinched a strap round it and I am sweating buckets',
    'siento el pecho como si me lo estuvieran apretando con una faja, y estoy sudando frio',
  ])('the heart\'s signs read together, however far apart: "%s"', (text) => {
    expect(detectRedFlag(text)?.category, text).toBe('chest_pain');
  });

  it.each([
    // One sign alone is no heart, and neither is a sweat with no chest or arm.
    'sweating like crazy out in the garden today, 95 degrees',
    'chest x-ray came back clear, and I was sweating bullets waiting for it',
    'my left arm has a rash going down it from the new detergent',
    'no chest pain, just sweaty from the walk',
  ])('one sign alone is no heart: "%s"', (text) => {
    expect(detectRedFlag(text)?.category ?? null, text).not.toBe('chest_pain');
  });

  it.each([
    ['Mi hermano is talking crazy, dice que se quiere matar, and he has pills in his hand', 'self_harm'],
    ['my son keeps saying he wants to kill himself', 'self_harm'],
    ['mi papá dice que quiere quitarse la vida', 'self_harm'],
    ['she talked about taking her own life last night', 'self_harm'],
  ])('a wish to die told of someone else is the same danger: "%s"', (text, category) => {
    expect(detectRedFlag(text)?.category, text).toBe(category);
  });

  it('hurting oneself, told of another, is how a fall is told, not self-harm', () => {
    expect(detectRedFlag('my husband hurt himself carrying the groceries, his back is sore')?.category ?? null).not.toBe('self_harm');
  });

  it.each([
    ['3\nSYS 212 mmHg\nDIA 124 mmHg\nPUL 96 /min\nhead pounding', { systolic: 212, diastolic: 124 }],
    ['Systolic: 150 Diastolic: 90 Pulse 70', { systolic: 150, diastolic: 90 }],
  ])('a cuff\'s display copied out is a reading: "%s"', (text, pressure) => {
    expect(readMessage(text).vitals).toContainEqual({ kind: 'blood_pressure', ...pressure });
  });

  it('a day of the month is no diastolic', () => {
    expect(readMessage('el dia 15 tengo cita con la doctora').vitals).toEqual([]);
  });

  it.each([
    ['the new pill has me dizzy', true],
    ['these meds they make me tired', true],
    ['the pill for the water make me go too much', true],
    // Someone else did it: the doctor gave them, you mixed me up, an app gave a star.
    ['I took the pills the doctor gave me', false],
    ["I don't take any medications, I think you have me mixed up with my husband", false],
    ['my pill app gave me a gold star', false],
  ])('a medicine does something to the patient only with nobody else between: "%s"', (text, effect) => {
    expect(readMessage(text).concerns.includes('side_effects'), text).toBe(effect);
  });

  it.each([
    'no. the insulin pen almost finish, 2 days left, and my ride to the clinic cancel',
    'my pills are nearly gone and the pharmacy is closed till Monday',
  ])('a medicine about to end asks for a refill: "%s"', (text) => {
    expect(readRequests(text), text).toContain('refill');
  });
});
