/**
 * English red-flag phrases. Add phrasings freely: each word already forgives
 * one typo (5+ letters), stretched letters and run-together words
 * ("chestpain"); "..." allows up to 3 words between, never a "not".
 * Syntax: src/flows/text/phrase-pattern.ts.
 */
import type { RedFlagPhrases } from './types.js';

/** Can't, however written (spoken forms, "cyaan", "caint", are read as "cant": text/normalize.ts). */
export const CANT = '(cant|cannot|can not|couldnt|could not|unable to|not able to)';
export const CHEST_SYMPTOM =
  '(pain|pains|painful|paining|hurt|hurts|hurting|ache|aches|aching|achy|pressure|tight*|heavy|heaviness|squeez*|crush*|burning|discomfort|pounding)';
const PILLS = '(pills|meds|medicine|medicines|medication|medications|tablets|insulin|sleeping pills)';

// "Substernal": a retired nurse's chest.
export const CHEST = '(chest|breastbone|breast bone|sternum|substernal)';

export const EN_RED_FLAGS: RedFlagPhrases = {
  chest_pain: [
    '(sitting|standing|stepping|pressing|somebody|someone|weight|something heavy) ... on (my)? chest',
    'elephant ... on me',
    // Anything that "sat down on my chest": "feels like a mule sat down on my chest".
    '(sat|sits|sat down|sitting down|set|settled|parked|stood|stepped) (down)? on (my|his|her|the)? chest',
    // Something heavy on them: "like somebody parked a truck on me".
    '(truck|car|elephant|piano|anvil|bricks|cinder block|cow|horse|house) ...4 on (me|my chest|top of me)',
    '(left arm|arm|arms|shoulder) ...4 jaw',
    'jaw ...4 (left arm|arm|arms|shoulder)',
    `${CHEST_SYMPTOM} ...5 ${CHEST}`,
    `${CHEST} ...5 (jaw|left arm)`,
    `${CHEST} ... ${CHEST_SYMPTOM}`,
    `${CHEST_SYMPTOM} ... ${CHEST}`,
    '(sitting|weight|elephant|something heavy) on (my)? chest',
    'elephant ... chest',
    // A chart's left arm: "radiating to L arm".
    'radiat* ... (chest|left arm|l arm|lt arm|jaw)',
    `${CHEST_SYMPTOM} (going|goes|went|shooting|shoots|spreading|spreads|running|runs|moving|moves) ... (left arm|jaw)`,
    // Something that travels into the left arm or the jaw, whatever it is called: "it runs down into my left arm".
    '(going|goes|went|shooting|shoots|spreading|spreads|running|runs|ran|moving|moves|traveling|travels|radiating|radiates) (down|up|out)? (into|in|to|through|thru|along) (my|his|her|the)? (left arm|left hand|left shoulder|jaw)',
    // The heart named for the chest: "something is squeezing my heart region".
    `${CHEST_SYMPTOM} ...3 heart (region|area|side)`,
    // A tearing pain through to the back: how a torn aorta is told.
    '(pain|ache|hurts|hurting|feels|feeling) ...3 (tearing|tearin|ripping|rippin) ...3 (through|thru|into|to) (my|the)? (back|chest)',
    '(tearing|tearin|ripping|rippin) (pain|feeling|sensation)',
    // Pain with each breath in: "now it hurts to take a deep breath" (a clot in the lung, after a swollen leg).
    '(hurts|hurt|hurting|painful|pain|stabs|stabbing|sharp) (to|when|when i|whenever i|every time i|if i) (take|taking|draw)? (a|in)? (deep|big)? (breath|breathe|breathing)',
    'heart attack',
    'heart (pain*|hurt*|ache)',
    'angina',
  ],
  breathing: [
    // Lying down drowns them: fluid on the lungs.
    '(drown*|smother*|suffocat*|choking) ...4 (lay|lie|laying|lying) (down|flat)',
    '(lips|face|fingers) ... (gray|grey|dusky)',
    // Froth from the lungs: "coughing up pink foamy stuff".
    'pink (foamy|frothy|foam|froth|bubbly)', '(foamy|frothy|bubbly) pink',
    `${CANT} (hardly|barely|really|even)? (breath*|breth*)`,
    `${CANT} (hardly|barely|really|even)? (catch|get) (my|a|his|her)? breath`,
    `${CANT} get (enough|no|any)? air`,
    // "Can't get my wind": breath as the country says it.
    `${CANT} (get|catch) (my|his|her)? wind`,
    // Too short of breath to finish a sentence; a rescue inhaler that does nothing.
    `${CANT} (finish|get to the end of|get through|complete) (a|my|one|the)? (sentence|sentences)`,
    '(inhaler|puffer|nebulizer|neb|albuterol) ...4 (not|isnt|aint|doesnt|dont|wont|didnt|no) (helping|help|helped|working|work|worked|touching|doing) !yet',
    '(can|could) (hardly|barely) (breath*|breth*)',
    '(short|shortness) of breath',
    'out of breath',
    'breathless*',
    '(trouble|difficulty|difficult|hard|hard time|struggl*|problem|problems|labored) (with|to)? (my)? (breath*|breth*)',
    '(hard|difficult) to (breath*|breth*)',
    '(breath*|breth*) ... (hard|difficult|labored|bad|terrible|worse)',
    'gasp*',
    'chok*',
    'suffocat*',
    // "Blew": blue as dictation writes it ("lips look kind of blew").
    '(lips|face|fingers) ... (blue|purple|blew)',
    // Breath as dictation mishears it ("I can't breed good"); nobody texts their nurse about breeding animals.
    `${CANT} (hardly|barely|really|even)? (breed|breeth|breethe|brethe) !dogs|cattle|cows|horses|them|the|her|him|my|pigs|goats|sheep`,
    // Lying flat takes the breath: "mi cyaan lie down flat fi breathe", "can't lay flat without gasping".
    `${CANT} (lie|lay|lying|laying|sleep) (down)? (flat)? ...3 (breath*|breth*|gasp*)`,
    // A rescue inhaler that gives nothing: "used my inhaler without relief".
    '(inhaler|puffer|nebulizer|neb|albuterol) ...4 (without|no|little) (relief|help|change|difference)',
    'turning blue',
  ],
  stroke: [
    '(seeing|see|saw) double !feature|features|shift|shifts|date|dates|time',
    'double vision',
    '(worst|bad*) ... (headache|head ache) ... (of my|in my) life',
    '(headache|head ache) ... (worst|bad*) ... (of my|in my) life',
    'face ... (droop*|drop*|fallen|crooked|lopsided|sagging|numb*|hanging|hangs|hung|slack|slid*)',
    '(droop*|drooping|crooked) (face|mouth|smile|eye)',
    '(smile|mouth) ... (crooked|droop*|lopsided|uneven)',
    // "My mouth smiles only on one side": a face that works on one side (not a mouth that hurts on one side).
    '(smile|smiles|smiling) ...3 (only|just)? (on)? one side',
    '(talking|talks|speech|speaking|words) (real|so|very|all)? (slow|slowed|thick|thickly)',
    'slurred|slurring|slur',
    '(speech|words) ...5 (slurred|garbled|jumbled|weird|strange|funny|wrong|mixed up|scrambled)',
    // Not "right": "I can't talk right now" is a busy patient.
    `${CANT} (speak|talk) (properly|clearly|normally|straight|well)`,
    '(trouble|difficulty|hard time) (speaking|talking|finding words|getting words out)',
    // Words that will not come: "he can't get his words out", "she cant find her words".
    `${CANT} (get|find) (my|his|her|the)? words (out)?`,
    // Hands and feet left out: numb hands and feet are everyday neuropathy, not a stroke sign.
    // "Heavy like sandbags": weakness as patients feel it.
    '(arm|arms|face|one side|left side|right side) ... (numb*|weak*|dead|tingl*|paralyz*|heavy)',
    '(numb*|weak*|tingl*|paralyz*) ... (arm|arms|face|one side|left side|right side)',
    'half (of)? (my|his|her)? (body|face) ... (numb*|weak*|dead|tingl*|paralyz*)',
    '(numb*|weak*|tingl*|paralyz*) ... half (of)? (my|his|her)? (body|face)',
    `${CANT} (move|lift|raise|feel|pick up|hold up|use|grip with) (my|his|her)? (left|right)? (arm|arms|hand|face|side|left side|right side)`,
    // A hand that fails on one side: "my right hand is clumsy, cant button my shirt".
    '(left|right) (hand|arm) (is|was|went|gone|feels|feel|got|getting)? (all|real|so)? (clumsy|useless|wont work|not working)',
    // Weak on one side: "his right hand is weak", "her left arm got real weak" (weak, not numb: numb hands are a neuropathy's;
    // not a leg: "my left leg is weak since the surgery" is a knee's or a hip's).
    '(left|right) (hand|arm) (is|was|went|gone|feels|feel|got|getting|has gone)? (all|real|so|very|suddenly|kind of|kinda)? (weak*|limp)',
    // One side gone numb all at once: "left leg went numb and heavy bout 30 min ago" (not "my right foot is numb", a neuropathy's).
    '(left|right) (leg|arm|hand|side) (just|suddenly|all of a sudden)? went ...2 (numb*|heavy|dead|weak*|limp)',
    '(worst|sudden|thunderclap) (headache|head ache|head pain)',
    // A headache like a thunderclap, or the worst of a life, however it is put: "a pain in the head
    // like a thunderclap", "head pain, worst I've had in my life".
    'thunderclap',
    '(head|headache|head ache|migraine) ...8 worst ...4 (in|of) (my|his|her|their) life',
    // A bad headache with the eyes failing: a stroke or a hypertensive emergency.
    '(headache|head ache|head pain|head hurts|head is pounding|migraine) ...5 (blur*|blurry|blurred|fuzzy|cant see|double)',
    // "Head been pounding all day and my vision kinda blurry".
    'head (is|s|been|has been|was|keeps|kept)? (pounding|throbbing|splitting) ...7 (blur*|blurry|blurred|fuzzy|cant see|double)',
    '(blur*|blurry|blurred|fuzzy|cant see) ...5 (headache|head ache|head pain|head hurts|migraine)',
    'headache ... worst',
    'stroke',
    '(lost|losing|loss of) (my)? (vision|sight)',
    // Sight that goes all at once: "the left side of my vision is just gone, like a curtain came down".
    // (Not "the blurry vision is all gone now": a trouble that passed.)
    '(vision|sight|eyesight) (just)? (went|goes|going|turned) (black|dark|out|gray|grey)',
    // Sight lost like something drawn over it: "like a window shade came down", "a curtain coming down".
    '(curtain|shade|blind|blinds|veil) (came|coming|comes|come|pulled|drawn|dropped|dropping|fell) (down|over)',
    '(side|half|part) of (my|his|her|the)? (vision|sight) (is|was|just|has)? ...2 (gone|black|dark|missing)',
    '(half|part|side) (of)? (the)? (sight|vision) (in|of) (my|his|her|the)? (left|right)? (eye|eyes)',
    'went blind',
  ],
  fainting: [
    '(woke|wake|came to) (up)? (on|in) (the)? (floor|ground)',
    '(dont|do not|didnt) know how long (i|he|she) (was|were) (out|down)',
    'faint|fainted|fainting|faints',
    '(passed|pass|passing|passes) out',
    '(blacked|black|blacking) out',
    '(lost|lose|losing|loss of) consciousness',
    'unconscious',
    'collapsed',
    'keeled over',
  ],
  // A fall matters when the patient is stuck or hit their head (older patients on blood thinners):
  // "I fell last month" alone is history, not an emergency.
  fall: [
    // A long lie after a fall, or a hip that bears no weight.
    '(on|lay on|laid on|lying on) the (floor|ground) (till|until|all|for hours|overnight)',
    `${CANT} (put|bear) (any)? weight on`,
    `(fell|fallen|fall|falling) ...5 ${CANT} (get|stand|move|walk)`,
    // Told at length: "fell in the kitchen 20 min ago and cant get up".
    `(fell|fallen|fall|falling) ...8 ${CANT} (get|stand) up`,
    `${CANT} get (up|off) ... (floor|ground|fell|fallen)`,
    `(floor|ground) ... ${CANT} (get|stand) up`,
    // A blow to the head in a fall, however it is said ("she lick her head on the tub", "knocked his head").
    '(fell|fallen|falls|fall|slipped|tripped|tumbled) ...8 (hit|hurt|bump*|bang*|struck|cut|lick|licked|knock*|whack*|smack*|crack*) (my|her|his)? ...4 head',
    '(fell|fallen) ... (bleeding|blood)',
    // A limb out of its shape is a broken bone, however the fall was told: "her wrist is bent wrong".
    '(wrist|arm|leg|ankle|hip|shoulder|elbow|knee|finger|fingers|foot|hand) (is|looks|looked|was|went|all|its|got)? (bent|bend|turned|twisted|sitting|sticking) (wrong|funny|backwards|the wrong way|out|sideways)',
    '(bone|bones) (is|was|are)? (sticking|poking|popping|coming) (out|through)',
    // Found down: "found him on the kitchen floor", "la encontré en el piso" (how long, and why, nobody knows).
    '(found|find|finding) (him|her|them|mom|dad|mama|papa|grandma|grandpa|my husband|my wife|my mother|my father) (lying|laying|down)? (on|in) (the)? ...2 (floor|ground)',
    // Still down: "he's still on the floor", "been lying on the floor".
    'still (lying|laying)? (on|in) the (floor|ground)',
    'been (lying|laying) (on|in) the (floor|ground)',
  ],
  self_harm: [
    // A weapon out and looked at: "I've got my husband's old pistol out and I keep looking at it" (not "had the rifle
    // out all morning, got a deer").
    '(gun|guns|pistol|rifle|shotgun|revolver|firearm) ...3 (out|loaded) ...6 (looking|staring|look|stare|thinking) (at|about)',
    '(gun|guns|pistol|rifle|shotgun|revolver|firearm) ...3 (in my hand|in my lap|by my bed|under my pillow)',
    '(looking|staring|stare|look) at (the|my|his|her|that)? (gun|pistol|rifle|shotgun|revolver)',
    // The means laid out: "all the pills lined up on the kitchen table" (not "lined up in the organizer for the week").
    '(pills|meds|medicine*|tablets|bottles) (are|is|all)? (all)? (lined up|counted out|spread out) !in|into|for|by',
    // Of a kind too: "saving up my sleeping pills in the sock drawer" (not "saving on my pills").
    '(saved|saving|stockpil*|hoard*|stash*) (up)? (all)? (my|her|his|the|those|these)? (sleeping|sleep|pain|nerve|heart|extra|old|leftover|spare)? (pills|meds|medicine*|tablets)',
    '(take|taking|swallow) (them|these|those) all !to|back|in|with|out|home|off|of|the|my|your|her|his|down|up|away|over|day|week',
    'suicide|suicidal',
    '(kill*|end|ending|take|taking|hurt|hurting|harm|harming|cutting) myself',
    // Told of someone else, who is in the same danger: "my brother says he wants to kill himself". Not "hurt
    // himself", which is how a fall is told.
    '(kill|killing|kills|killed|harm|harming|cut|cutting) (himself|herself|themselves|themself)',
    '(end|ending|take|taking) (his|her|their) own life',
    '(end|ending|take|taking) my (own)? life',
    '(want|wanna|wanted|wish|ready|going|gonna) (to)? die',
    'wish (i|i was|i were|i could be)? dead',
    'better off (dead|without me)',
    // Sleep that does not end: "if I just went to sleep and didn't wake up".
    '(go|went|going|fall|fell) to sleep and (not|never|didnt|did not|wouldnt|would not|dont|do not) (wake|woke) up',
    // Being a burden, and farewells: the warning signs said without the words of suicide.
    '(everybody|everyone|every one|they|family|kids|yall|you all) (would|will|d)? (be)? better off (not|without) ...4 (me|of me)',
    // The burden said and left there: "thinking everybody would be better off." Better off with or for
    // something ("everyone would be better off with the new plan") is no burden.
    '(thinking|think|thought|feel|feeling|felt|know|guess|maybe) (that|like)? (everybody|everyone|every one|my family|the family|my kids|the kids|yall|you all) (would|will|d)? (be)? better off !with|if|when|after|once|because|since|at|in|on|for|going|using|taking|getting|now|than|to|by|staying|moving|doing|having',
    '(whats|what is) the (point|use) (anymore|of living|of going on|of anything)',
    // Of living, not of a form: "I don't see the point in any of this anymore" (not "... of these texts").
    '(dont|do not|cant|can not|cannot) see (the|any)? (point|use|reason) (in|of|to)? (anything|living|life|going on|go on|keep going|any of this|it all) (anymore|any more)? !texting|texts|text|messages|stuff|program|paperwork|form|forms|app',
    '(tired|sick|weary) of (living|being alive|life)',
    // "Everyone'd be better off if I just didn't wake up": a burden and a sleep that does not end.
    'better off if (i|im) ...3 (didnt|did not|never|wasnt|was not|werent|were not|wouldnt|would not) (wake|woke|here|around|alive|be here)',
    'i (wont|will not) (be)? (needing|need) (my|the|these|those|any)? (pills|meds|medicine|medicines|medications) anymore',
    '(tell|say) ...3 (goodbye|good bye|bye) (for me|from me)',
    '(end|ending) it all',
    '(want|wanna|going|gonna|ready) (to)? end it !with|up|here|there|for|by|at|in|on|after|before',
    'self harm',
    'no reason to live',
    'nothing to live for',
    '(dont|do not) want to (live|be alive|be here anymore|be here no more|wake up)',
    '(thinking|thought|think|thinkin) (about|bout|of) (ending|endin) (it|my life|things)',
    '(take|taking|swallow|swallowing) all (of)? (my|the|her|his) (pills|meds|medicine|medications) at once',
    // A threat, not a report: "my mother take all her medicine this morning" is a caregiver's yes.
    '(take|taking|swallow|swallowing) all (of)? (my|the|her|his) (pills|meds|medicine|medications) !this|today|yesterday|every|each|on|with|like|as|in|for|before|after|daily|everyday|when|by|at',
    // Counting what would be enough: "been counting up my pills, how many it would take".
    'how many (pills|of them|of these|of those|it|tablets) (it)? (would|will|it would|it will|does it) (take|it take)',
    '(be|being|just be) done with (it all|life|everything)',
    // A bare "it" needs the wish: "I just want to be done with it" (not "I'll be done with it then", a course of pills ending).
    '(want|wanna|wish|ready|rather) (to)? (just)? (be|being) done with it',
    // Farewells and giving away: "I've written letters to my kids", "been giving my things away".
    '(cant|can not|cannot) do this (anymore|any more|no more)',
    '(written|wrote|writing|write|left) (goodbye)? (letters|notes|a letter|a note) (to|for) (my|the)? (kids|children|family|wife|husband|daughter|son|grandkids)',
    '(giving|gave|give|given) (away)? (all)? (my|of my)? (things|stuff|belongings|possessions|guns) away',
    '(dont|do not|cant|can not|cannot) see the point (of|in)? (waking up|getting up|wake up|being here|living|going on)',
    // Means named: "been thinking about my service pistol", "the pills in the cabinet would be an easy way".
    '(thinking|thought|think|thinkin) (about|bout|of) (my|the|his|her|a|that) ...2 (gun|guns|pistol|rifle|revolver|firearm|shotgun)',
    '(easy|quick|painless) way (to go|out)',
  ],
  severe_bleeding: [
    '(pee|urine|piss) (is|was|looks|turned)? (red|bloody|pink|like fruit punch|dark red)',
    // "Been peeing blood since last night, dark red with clots".
    '(peeing|peed|pissing|urinating|passing) (straight|pure|bright|dark)? (red)? (blood|clots)',
    '(gums|nose|cut) ...3 (wont|will not|doesnt|does not|cant) (quit|stop) (bleeding)?',
    '(stool|stools|poop*|bowel movement*|bm|bms) ... (black|tar|tarry)',
    '(black|tarry) (stool|stools|poop*|bowel movement*|bm|bms)',
    // However much is said between: "coughed up a wicked amount of blood" (not "threw up before the blood test").
    '(cough*|vomit*|throw* up|threw up|spit*|puk*) (up)? ...5 (blood|bloody) !work|test|tests|pressure|sugar|sugars|draw|thinner|thinners|count|counts',
    'coffee ground*',
    '(blood|bloody) (in)? (my)? (vomit|stool|stools|poop)',
    'bleed* (a lot|heavily|badly|so much|too much|nonstop|non stop|everywhere)',
    '(heavy|severe) bleeding',
    'bleed* ... (wont|will not|doesnt|does not|cant|cannot|can not) stop',
    '(wont|will not|doesnt|does not|cant|cannot|can not) stop bleed*',
    'losing (a lot of|lots of)? blood',
    // Blood from the back passage, in a chart's words or a patient's: "bright red blood per rectum", "bleeding from my bottom".
    '(blood|bleeding|bleed) (from|per|out of|outta) (my|the|his|her)? (rectum|bottom|behind|butt|rear|back passage|anus)',
    'rectal (bleeding|bleed|blood)',
    'bright red blood',
    'hemorrhag*',
    'bleed* ... (for|over|since) (an|a|half an|about an|almost an|one|1|two|2|three|3|several|many)? (hour|hours)',
    'soak* ... (towel*|pad*|bandage*|gauze|shirt|sheets)',
  ],
  seizure: [
    'seizure|seizures|seizing !med*|medicine|pill*|doctor|appointment',
    'convuls*',
    '(had|having|has) (a)? fit', '(shaking|jerking) all over',
    // Only with "at the mouth": alone, "foaming" is one letter from "forming" (a dictated "met forming").
    'foaming at (the)? mouth',
  ],
  allergic_reaction: [
    '(throat|tongue|lips|lip|mouth) ... (swell*|swollen|tight)',
    // Hives with the voice going: the throat swelling as it is first noticed.
    '(hives|welts|ronchas) ...8 (hoarse|raspy|ronca|ronco)',
    '(hoarse|raspy|ronca|ronco) ...8 (hives|welts|ronchas)',
    // Half in Spanish: "my face and tongue se están hinchando".
    '(throat|tongue|lips|lip|mouth) ... hinch*',
    '(throat|tongue|lips|lip|mouth) ...5 (closing|closes)',
    '(swell*|swollen) ... (throat|tongue|lips|lip|mouth)',
    'face ... (swell*|swollen)',
    'allergic reaction',
    'anaphyla*',
  ],
  // Someone who cannot be reached where they are: a neighbour at a door nobody answers, a patient who will not wake.
  unresponsive: [
    '(hasnt|has not|havent|have not|didnt|did not|wont|will not|isnt|is not|not) (answered|answering|answer|come to|coming to|opened|opening) (the|her|his|my)? door',
    '(wont|will not|cant|cannot|can not|couldnt|could not) (wake|rouse) (him|her|them|mom|dad|mama|papa|grandma|grandpa) (up)?',
    'unresponsive',
    // Hard to wake: "he is real sleepy, wont hardly wake up" (a sugar too high or too low, a stroke).
    '(wont|will not|cant|can not|cannot|doesnt|does not) (hardly|barely) (wake|stay awake|come to)', '(hard|difficult|impossible) to (wake|rouse) (him|her|them|mom|dad|up)?',
    // Someone the caller cannot reach: "she is not answering me, her eyes are open but she does not talk".
    // (Not "he doesn't answer his phone much", "she's not answering my texts": a phone, not a person.)
    '(she|he|shes|hes|mom|dad|wife|husband|mother|father) (is|s)? (not|isnt) (answering|responding|waking up) (me|to me)? !phone|the|her|his|my|calls|texts|messages',
    '(she|he|mom|dad|wife|husband|mother|father) (wont|will not|doesnt|does not|cant|cannot) (answer|respond|wake up) (me|to me|when)',
    // Breathing, and no more: "he's breathing but not answering us right".
    '(breathing|breathin) but ...2 (not|isnt|wont|doesnt|does not|cant|is not) (answering|answer|responding|respond|talking|waking|wake|making sense|opening)',
    '(not|isnt|aint|wont) (answering|responding) (us|me|anybody|anyone) (right|at all|properly)',
    'eyes (are|is)? open but (she|he) (does not|doesnt|wont|will not|is not|isnt|cant|can not|cannot) (talk|speak|answer|respond)',
  ],
  confusion: [
    // Confusion as a family sees it: "he's been more muddled", "feel out of it", "she's super confused rn"
    // (not "confused about the texts": that says who asks, and about what).
    'muddled',
    '(talking|talks|talk|saying|says) (nonsense|gibberish|crazy things)', '(talking|talks|talk) out of (his|her|my) head',
    '(feel|feels|feeling|felt|seems|seemed|been|acting|hes|shes|is|im) (kind of|kinda|a little|a bit|so|really|all)? out of it',
    '(hes|shes|he is|she is|hes been|shes been|he has been|she has been|seems|getting|acting|super|more|real|very|so|all) confused !about|by|with|on|as|why|what|which|how|over|because|if|whether',
    '(not|isnt|is not|wasnt) making (much|any)? sense',
    // "What she's saying dont make sense".
    '(saying|says|said|talking|words) ...3 (dont|doesnt|do not|does not|didnt|aint|not|no) (make|makes|making) (any|no|much)? sense',
    `${CANT} think (straight|clearly)`,
    'disoriented',
    '(dont|doesnt|do not|does not) know where (i|he|she) (am|is)',
    // Lost in time, or taking one person for another, as the family sees it: "doesnt know what day it is",
    // "calling me by my mom's name" ("I don't know what day it is, retirement is great" is a joke).
    '(doesnt|does not|didnt|did not) know (what|which|the) (day|year|month|date) (it is|its|it was)?',
    // As many say it: "he dont know what day it is" (of someone else; "I don't know what day it is" is a joke).
    '(he|she|mom|dad|mama|papa|grandma|grandpa) (dont|do not) know (what|which|the) (day|year|month|date)',
    '(calling|called|calls) (me|us|him|her) (by)? (the wrong|someone elses|another|a different) name',
    '(calling|called|calls) (me|us|him|her) (by)? (my|our|his|her) (moms|mothers|dads|fathers|sisters|brothers|husbands|wifes|daughters|sons) name',
    '(sudden|suddenly) confus*',
    // A parent who does not know their own child.
    '(doesnt|does not|didnt|did not|wont|cant|couldnt) (recognize|recognise|know) (me|us|her own|his own|who i am|who we are)',
  ],
  overdose: [
    'overdos*',
    // Not "ate/had too much": that is dinner.
    `(took|taken|swallowed) (way)? too (many|much) (of)? (my)? ${PILLS}?`,
    `(took|taken|swallowed) (a|the|my)? (whole|entire) (bottle|box|pack|pill box|pillbox|week|weeks)`,
    // However much it is put: "he just took a whole extra bottle of his sleeping pills", "swallowed half a bottle of her
    // pain pills" (not "took the bottle of pills to the pharmacy").
    `(took|taken|swallowed|downed) (a|the|my|his|her)? (whole|entire|extra|full|half|half a) (extra|whole|full)? (bottle|bottles|box|pack) of ...3 ${PILLS}`,
    `(took|taken|swallowed) (all|a week of|the whole week of) ... (pills|meds|doses)? (by mistake|by accident|accidentally)`,
    '(took|taken) (them|it|my pills|my meds|my medicine) (again|twice) !yesterday|today|this|last|tonight', 'double dos*',
    // Doses made up all at once: "took like 3 of the pink ones to make up for it".
    '(took|taken|take|taking|tome) (like|about|maybe|around|unos|como)? (2|3|4|two|three|four|double|extra|both|all|dos|tres) ...4 (to make up|to catch up|para reponer|para compensar|para recuperar)',
    `(took|taken|swallowed) (a handful|handful|a bunch) of ${PILLS}?`,
    `(took|taken|swallowed) (all|a week of|the whole week of|a weeks worth of) ...4 (at once|all at once|at the same time|together)`,
    '(took|taken|swallowed) ... on purpose',
    // Sleeping or pain pills with drink: "took like 15 of my sleeping pills with some whiskey" (not "my pills with some wine").
    '(took|taken|swallowed) ...5 (sleeping|sleep|pain|nerve|anxiety) (pills|meds|tablets) ...3 (with|and|plus) ...2 (whiskey|whisky|vodka|alcohol|liquor|booze|wine|beer|rum|tequila|gin|bourbon)',
    // A wrong dose: "gave myself 40 units instead of 4", "took my pills twice by mistake".
    'units ...5 instead of',
    `(took|taken|gave|given|injected) ...5 (double|twice|extra|wrong) ...5 (mistake|accident|accidentally|by error)`,
    `(double|twice|extra|wrong) (dose|doses) ... (mistake|accident|accidentally)`,
  ],
};
