/**
 * The closed world's own words (closed-world.ts): those that only hold a
 * sentence together, those that carry no news ("fine, thanks, took them"),
 * those that are never news, and the words of a reading. Accents folded, as
 * tokenize() leaves them. Pure: no I/O.
 */
import { compilePattern } from '../text/phrase-pattern.js';
import { IDIOMS, THANKS_FOR_A_CALL } from '../text/figures-of-speech.js';
import { EXCESS } from './lexicon.js';
import { TASTE_CHANGED } from './medicine-cues.js';

/** Words that only hold a sentence together, in English and Spanish, and chat ("lol", "jaja"). */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than that thats this these those it its is are was were be been being am im i me my mine myself ' +
    'we us our you your yours u ur he him his she her hers they them their theirs there here to of in on at by for with from ' +
    'as just too very really real also still even only not no nor do does did done dont doesnt didnt have has had having ive ' +
    'will would could should can may might must shall wont wouldnt get got gets getting go goes going went gone ' +
    'what when where who why how which all any some each every much many more most bit little lot lots like well oh ah um ' +
    'uh hmm ya yall yeah yep yup yes ok okay okey k kk hi hello hey thanks thank thx ty please pls plz lol lmao haha hahaha hehe omg ' +
    // "Same ol' same ol'": old, as it is said.
    'ol ' +
    'about around since till until back again else somebody someone something itself ones one anyway up say said says tell ' +
    'told know knows see saw mean want wanted let lets ill id youre were theyre hes shes whats thats gonna wanna gotta ' +
    'el la los las un una unos unas y e o u pero que de del al a en con por para sin sobre es son era eran fue ser ' +
    'estar esta estas estoy estaba estan este esto eso esa ese estos esas yo me mi mis tu tus te su sus se le les lo nos ' +
    'muy mas ya no si tambien pues bueno buena aqui ahi alli hay como cuando donde quien porque pq asi ok vale ' +
    'soy eres es fui voy va vamos dice dijo dio puse hice algo alguien tengo tiene tenia tenido tuve tuvo tenemos tuvimos he ha has hemos han habido cual desde hasta tanto puedo uno dos ' +
    'jaja jajaja jajajaja jeje jiji xd tv pc ac maam yall fyi btw asap yrs yr hrs hr mins min wks wk mos pm yet todavia aun youd hed wed theyd itd youll theyll thatll ' +
    'theyve weve youve shouldve couldve wouldve mightve whos wheres ' +
    // Days and months (dictionaries leave proper nouns out).
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september ' +
    'october november december lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio ' +
    'julio agosto septiembre setiembre octubre noviembre diciembre'
  ).split(' '),
);

/** How someone is doing, said plainly; answers; thanks and greetings; taking one's medicines. No news in any of them. */
export const NO_NEWS = new Set(
  (
    'fine good great well better best okay alright normal usual same doing feeling feel felt today tonight morning ' +
    'night day days evening afternoon yesterday now always everything nothing anything excellent wonderful ' +
    'fantastic perfect blessed happy glad nice kind appreciate love bless god care sure right correct ' +
    'took taken take taking pills pill meds med medicine medicines medication medications em both ' +
    'nope si gracias muchas mil bien mejor igual excelente perfecto perfecta tranquilo tranquila feliz ' +
    'contento contenta sano sana todo toda todos nada buenos buenas dias noches tardes hoy ayer manana ahora siempre ' +
    'dios bendiga amable cuidado tome tomado tomo pastillas pastilla medicina medicinas medicamento medicamentos ' +
    'siento sentir sentido estado'
  ).split(' '),
);

/** Thanks, greetings, times and quantities are never news, denied or not ("no thank you", "not today"). */
export const NEVER_NEWS = new Set(
  (
    'thanks thank gracias mil muchas appreciate bless dios bendiga love care cuidado right correct nothing anything ' +
    'everything nada todo toda todos siempre always now ahora today hoy tonight yesterday ayer manana morning night day days ' +
    'evening afternoon dias noches tardes buenos buenas si nope em both answer contesto contestar before antes reading readings lectura lecturas'
  ).split(' '),
);

/** The words of a reading the reader parsed: they are accounted for with it. */
export const READING_WORDS = (
  'blood pressure bp sugar sugars glucose bs bg meter reading readings weight weighed weigh weighs wt wgt lbs lb pounds pound ' +
  'pulse heart rate hr oxygen o2 sat sats spo2 temp temperature degrees over con sobre presion azucar glucosa peso pese ' +
  'libras pulso ritmo oxigeno saturacion temperatura grados kilos kg fingerstick fbs cbg avg average promedio mg dl mgdl ' +
  // A cuff's display copied out (vitals.ts, labelledReading): "SYS 212 mmHg DIA 124 mmHg PUL 96 /min".
  'sys syst systolic sistolica dia diast diastolic diastolica pul mmhg min'
).split(' ');

/** Sayings that deny trouble in trouble's words: "can't complain", "could be worse", "no me quejo". */
const SAYING_SOURCES = ['(heads|head) up', 'on the other hand', '(dont|do not) ask', 'bless (your|their|his|her|our) (heart|hearts)', '(wrong|equivocado|equivocada) (conversation|chat|thread|text|message|window|group|conversacion|chat|mensaje)', 'wrong (send|sent|person)', '(wasnt|was not|werent|were not|no era|no eran) (meant)? (for|para) (you|u|yall|ustedes|usted)', '(that|this|ese|este|eso|it) (text|message|mensaje|msg)? (was|era|is|es) (meant)? (for|para) (my|mi)', 'funny (story|thing|joke|video|movie|show|part|guy|lady|man|woman)', '(cant|can not|cannot) complain', 'could (be|have been) worse', '(couldnt|could not) be better', 'no me (quejo|puedo quejar)', 'no hay (problema|queja)*', 'ni (mas|mejor) ni (menos|peor)', 'ni una (sola)? vez'];
/** Diseases a vaccine is named for: "flu and covid shots", "la vacuna del herpes". The disease is no news; the shot is care. */
export const PREVENTED_DISEASES: ReadonlySet<string> = new Set('flu covid pneumonia shingles tetanus rsv tdap influenza gripe gripa neumonia herpes culebrilla hepatitis'.split(' '));
const PREVENTED = `(${[...PREVENTED_DISEASES].join('|')})`;
/** Words for a vaccine (not "shot" alone, which is also insulin's). */
export const VACCINE_WORDS = /^(?:vaccin\w*|vacun\w*|boosters?|jabs?)$/;
/**
 * A disease beside the words of its shot, where those words are not VACCINE_WORDS (which place every
 * disease in their clause: closed-world.ts): "flu and covid shots", "la inyección de la gripe".
 */
const VACCINES = [
  // Two at once first, so that both diseases go with their shot.
  `${PREVENTED} (and|y|n|&) ${PREVENTED} (shot|shots)`,
  `(inyeccion|refuerzo) (de|del|contra)? (la|el)? ${PREVENTED} (y|e) (la|el|de la|del)? ${PREVENTED}`,
  `${PREVENTED} (shot|shots)`,
  `(inyeccion|refuerzo) (de|del|contra)? (la|el)? ${PREVENTED}`,
];
/**
 * Our own call or text, missed or seen late: "sorry I missed your call", "apenas vi el mensaje". No dose
 * was missed and nothing was barely seen.
 */
const OUR_MESSAGE = '(call|calls|text|texts|txt|message|messages|msg|voicemail|llamada|llamadas|mensaje|mensajes|texto|textos)';
const OUR_MESSAGE_MISSED = [
  `(missed|miss|missing|just saw|just seen|just read|just got|only saw|only now saw|didnt see) (your|the|ur|this|that|yalls|yall|you all|a)? ${OUR_MESSAGE}`,
  `(apenas|recien|hasta ahorita|hasta ahora|no) (vi|veo|lei|leo|recibi|vimos|oi|escuche) (el|su|tu|este|los|sus|la|esta)? ${OUR_MESSAGE}`,
  `(perdi|perdimos|no conteste) (la|su|tu|sus)? ${OUR_MESSAGE}`,
];
/** Spanish names the care first and the part of the body after it: "la terapia de la rodilla", "el doctor de los ojos". */
const CARE_OF_A_PART =
  '(terapia|doctor|doctora|medico|medica|especialista|examen|cita|consulta|cirugia|operacion|crema|gotas|pastilla|pastillas|medicina|rehabilitacion) (de|del|para) (la|el|los|las|mi|mis)? (rodilla|rodillas|ojos|ojo|corazon|rinones|rinon|pulmones|piel|oido|oidos|huesos|cadera|pie|pies|espalda|estomago|tiroides|hombro|hombros)';
/**
 * A habit given up: "since I quit the mountain dew", "gave up smoking", "dejé el refresco", "me quitaron
 * la sal". Stopping a medicine is news; stopping these is the care plan working. Not "drinking water",
 * not "the sugar pill", not "stopped drinking and eating", and not "dejé de tomar" (the pills or the
 * drink: it says neither).
 */
const HABIT = '(smoking|smokes|cigarettes|cigarette|cigs|tobacco|chew|dip|vaping|vape|drinking|booze|beer|beers|liquor|whiskey|alcohol|soda|sodas|pop|coke|cokes|dew|mountain dew|sweets|candy|salt|sugar|junk food|fried food|fast food|sweet tea|fumar|cigarro|cigarros|cigarrillos|cerveza|cervezas|trago|refresco|refrescos|coca|dulces|sal|azucar|pan dulce|grasa|fritos)';
const HABITS_GIVEN_UP = [
  `(quit|quitting|stopped|gave up|give up|giving up|cut out|cut back on|cut down on|laid off|lay off|off|no more|deje|dejamos|dejo) (on)? (the|my|all|all the|that|de|el|la|los|las)? ${HABIT} !(pill|pills|med|meds|medicine|tablet|tablets|water|agua|fluids|pastilla|pastillas|and|or|ni|n)`,
  `(me|le|nos) (quitaron|quito|prohibieron|prohibio) (el|la|los|las)? ${HABIT}`,
];
/** Words that name no trouble of the patient's: sayings, a vaccine's disease, thanks for a call, our message missed, the care of a part, a habit given up. */
export const SAYINGS = [...SAYING_SOURCES, ...VACCINES, THANKS_FOR_A_CALL, ...OUR_MESSAGE_MISSED, CARE_OF_A_PART, ...HABITS_GIVEN_UP].map(compilePattern);
/**
 * A part of the body that did its work: "knees held up fine", "las piernas aguantaron", "my back didn't
 * complain once", "knees didn't give out on me". Its clause is well, as with "legs look fine".
 */
export const HELD_UP = ['(held|holding|hold|holds) up', 'aguantaron', 'aguanto', 'aguantan', 'aguantaba', '(cooperated|cooperating|behaved|behaving)'].map(compilePattern);
export const DID_NOT_FAIL = [
  '(didnt|did not|never|not once|wont|dont|doesnt|no) (even)? (complain*|bother* me|act* up|buckle*|give out|gave out|give way|let me down|quit on me|fail* me|budge|budged)',
  'ni (una vez)? (se quejaron|se quejo|fallaron|fallo)', 'no (me)? (fallaron|fallo|fallan)',
].map(compilePattern);
export const IDIOM_PATTERNS = IDIOMS.map(compilePattern);
/**
 * A change the clinician made ("the doc stopped the glipizide", "since they
 * upped the water pill", "me cambiaron la pastilla"): the care team knows of
 * it; the patient tells how it went. "They" and "me cambiaron" only with a
 * medicine named, so "they stopped feeding him" stays news.
 */
/** The words for a medicine in general, in both languages. */
export const MEDICINE_WORDS: ReadonlySet<string> = new Set(
  'pill pills med meds medicine medicines medication medications dose insulin inhaler pastilla pastillas medicina medicinas medicamento medicamentos dosis insulina'.split(' '),
);
const MEDICINE = `(${[...MEDICINE_WORDS].join('|')})`;
export const CLINICIAN_CHANGES = [
  '(doc|doctor|dr|doctora|cardiologist|specialist|nurse|np|medico|medica) ...2 (changed|switched|upped|increased|lowered|decreased|stopped|doubled|halved|adjusted|cut|cambio|subio|bajo|quito|aumento|redujo|ajusto|cambiaron)',
  `(they|theyve) ...1 (changed|switched|upped|increased|lowered|decreased|stopped|doubled|adjusted|cut) (my|the|his|her)? ...2 ${MEDICINE}`,
  // A patient "switched over" is a medicine changed: "after they switched me", "they changed her to the other one".
  '(they|theyve|doc|doctor|dr) ...1 (changed|switched|moved) (me|him|her) (over|to|off)?',
  // Told they may stop: "Dr said I can stop the prednisone after Friday", "the nurse told me to stop it".
  '(doc|doctor|dr|doctora|cardiologist|specialist|nurse|np|medico|medica) (said|says|told me|told him|told her|dijo|dice) (that)? (i|he|she|we)? (can|could|should|may|to|que)? (stop|quit|come off|dejar|deje|suspender)',
  `(me|le|nos) (cambiaron|subieron|bajaron|quitaron|aumentaron|redujeron|ajustaron) (la|el|las|los|mi|mis|su|sus)? ...1 ${MEDICINE}`,
].map(compilePattern);
/** "Muerta de cansancio", "dead tired": "dead" only says how much; what follows is read as itself. */
export const INTENSIFIERS = ['(muerto|muerta|muertos|muertas) de', 'dead (tired|beat)'].map((p) => compilePattern(p));
/** "Blood pressure", "blood work": the blood of a measure or a test is no bleeding (the word after is read as itself). */
export const NAMING_WORDS = [
  'blood (pressure|sugar|sugars|thinner|thinners|work|test|tests|draw|bank|type|count|counts)',
  // "The eye doctor", "my heart doctor", "a foot exam", "my little white heart pill": a part of the body naming the care it gets.
  // (And a test named for what it tries: "my breathing test", "the stress test", "a sleep study".)
  '(breathing|stress|sleep|balance|memory) (test|tests|study|studies)',
  '(eye|eyes|foot|feet|heart|kidney|lung|skin|ear|bone|knee|hip|chest|lungs|stomach|thyroid|nerve|back|shoulder) (doctor|doc|dr|specialist|exam|appointment|appt|checkup|clinic|surgeon|test|scan|xray|drops|guy|lady|pill|pills|med|meds|medicine|medication|cream|therapy|pt|rehab)',
].map((p) => compilePattern(p));
export const EXCESS_PATTERNS = EXCESS.map(compilePattern);
/** The whole night is too much of most things ("coughing all night") but just enough sleep ("dormí toda la noche"). */
const NIGHT_LONG = new Set(['all night', 'toda la noche']);
export const EXCESS_BUT_SLEEP = EXCESS.filter((p) => !NIGHT_LONG.has(p)).map(compilePattern);
export const SLEEP = /^(?:sleep|slept|dormi|durmi|duerm)/;
/** Saying one was well before says one is not now: "used to be fine", "antes estaba bien", "solía caminar". */
const PAST_WELL = ['(used|use) to (be|feel) ...1 (fine|good|ok|okay|better|great|normal|easy|easier|able)', '(antes|before) (i|yo)? (could|was|felt|estaba|podia|me sentia|caminaba|hacia)', '(solia|solias|solian)'];
export const PAST_WELL_PATTERNS = PAST_WELL.map(compilePattern);
/** News said in everyday words: running out of medicine, losing weight, a death ("ran out", "se me acabaron", "lost 9 pounds", "passed away"): news. */
export const NEWS_PHRASES = [
  // A medicine answered no after its name, as Spanish puts it: "yes pero the eye drops no", "la insulina no".
  '(pill|pills|meds|medicine|medicines|insulin|inhaler|drops|cream|patch|shot|shots|pastilla|pastillas|medicina|medicinas|insulina|inhalador|gotas|crema|parche|inyeccion) (no|not|nope|nah) !problem|problems|problema|problemas|issue|issues|trouble|side|more|longer|mas|change|changes|cambio|cambios|matter|importa',
  // Taking less than prescribed, to make the medicine last or for want of money: a nurse needs to know.
  '(cut|cutting|cuts|split|splitting|splits|break|breaking|breaks) ...4 (in|into) (half|halves|two)',
  '(partir|parto|partiendo|parti|corto|cortando|divido|dividiendo) ...4 (a la)? (mitad|en dos)',
  '(half|mitad) (a|of|the|my|de|la|una|mi)? ...1 (pill|pills|dose|doses|tablet|tablets|pastilla|pastillas|dosis|tableta|tabletas)',
  '(make|making|makes) (them|it|em|they|my pills|the pills|my meds|the meds|my medicine|the medicine) last',
  'para que (me)? (rindan|duren|alcancen)',
  // Doses left where they were set out: "found the pills de hoy y de ayer still in the pastillero", "her meds are still
  // in the organizer from Monday" (a caregiver's yes the pills say otherwise).
  '(pills|meds|medicine|medicines|tablets|doses|pastillas|medicinas|pildoras|dosis) ...6 (still|todavia|aun|siguen) (in|en|sitting in|ahi en) (the|el|la|his|her|my|su|mi)? ...1 (pastillero|organizer|pillbox|box|bottle|cajita|caja|frasco|container|case)',
  // A dose that slipped by: "se me pasó la de la noche", "se le pasaron las del domingo".
  // (Not "ya se me pasó la gripa": an illness that passed.)
  '(se) (me|le|nos) (paso|pasaron) (la|las|el|los|una|un|mi|mis|su|sus)? (de la|de las|del|de los|pastilla*|medicina*|dosis|insulina|tableta*|pildora*|inyeccion|tomar*|tomarme*|tomarla*)',
  // Only part of a dose: "si pero nomás la mitad", "just half of it".
  '(only|just|nomas|solo|solamente) ...2 (half|mitad)',
  // Unsure how to take a medicine, or told two ways: "ya no sé cuál es la buena", "the doctor said something else".
  '(no se|ya no se|no sabe|no sabemos|dont know|do not know|not sure|unsure) (cual|which)',
  '(no se|ya no se|no sabe|dont know|do not know|not sure) (what|que|how much|cuanto|cuanta|cuantas) (to|de)? (take|tomar|tomarme|give|darle)',
  '(dijo|dice|dicen|dijeron|told me|tells me|said|says) (otra cosa|lo contrario|something else|something different|different|the opposite)',
  'every other (day|night|morning|evening)',
  'cada (tercer|otro) dia',
  'un dia si (y)? (un|otro)? dia no',
  'dia (por|de) medio',
  '(till|until|til|hasta) (payday|pay day|paycheck|my check|the check|el cheque|la quincena|que me paguen|next month|el mes que viene|el otro mes)',
  '(ration|rationing|rationed|stretch|stretching|stretched) (them|it|em|my|the|out)',
  // Doses left in the pill box are doses not taken: "the pill box is still full for tues and wed".
  '(pill box|pillbox|pill organizer|pill case|pill container|pastillero) ...4 (full|still|untouched|lleno|llena|intacto)',
  // And the other way round: "found Tuesday and Wednesday still full in her pill box".
  '(still|todavia|siguen) (full|there|sitting|untouched|lleno|llenos|llena|llenas) (in|inside|en) (her|his|my|the|su|el|mi)? (pill box|pillbox|pill organizer|pill case|pastillero)',
  // And said of the doses: "found the Monday and Tuesday ones still in the box".
  '(ones|pills|meds|tablets|doses|capsules|pastillas|pildoras|medicinas|tabletas) ...3 (still|left|sitting|siguen|estan|quedaron) (in|inside|en) ...2 (box|pillbox|organizer|organiser|case|container|dispenser|tray|caja|cajita|pastillero)',
  // Taking a medicine other than the label says: "the label says once" (and I take it twice).
  // ("The pill box says so": the box bears the patient out.)
  '(label|bottle|instructions|directions|box|etiqueta|frasco|caja|receta) (says|said|say|dice|decia) !so',
  // A medicine that costs more is one many stop: "they want me to pay more for the water pill now", "el copago subió".
  `(pay|paying|charge|charging|charged|cost|costs|costing|pagar|pago|cobrar|cobran|cobraron|cuesta|cuestan) (me|us|nos|me van a)? (more|extra|double|twice|mas|el doble) ...4 ${MEDICINE}`,
  '(copay|copays|co pay|copago|copagos) ...2 (went up|goes up|going up|is up|doubled|subio|aumento|van a subir)',
  // Bowels in everyday words: "loose motions since yesterday, 6 times", "got the runs".
  '(loose|watery|runny) (motion|motions|stool|stools|bowel|bowels|movement|movements)', '(the|got|have|had) (runs|trots|squirts)',
  ...TASTE_CHANGED,
  // Confusion in everyday words: "he's been more mixed up in the evenings".
  '(mixed|muddled) up',
  // Lost on a road known for years, a name mixed up: "she got lost driving home", "keeps calling me by her sister's name".
  '(got|gets|getting|gotten|get) lost (driving|walking|going|coming|on the way|in|at|from)',
  '(se|me) (perdio|pierde|perdia|ha perdido|perdi) (manejando|caminando|regresando|volviendo|de camino|en el camino)',
  '(calls|calling|called|call) (me|him|her) by (the wrong|the other|her|his|my|someone elses|somebody elses) ...2 name',
  '(me|le|lo|la) (confunde|confundio|llama|llamo) ...3 (con|por el nombre de) (su|mi|otra|otro)',
  // Memory slipping as a family sees it: "repeating herself a lot more", "left the stove on twice".
  '(repeat|repeats|repeating|repeated) (herself|himself|myself|themselves|the same|things|stories|questions|everything)',
  '(asks|asking|asked|ask) (me)? the same (question|questions|thing|things)',
  '(left|leaves|leaving|leave) the (stove|oven|burner|burners|iron|gas|water|faucet|tap|door|front door) (on|running|open|unlocked)',
  '(repite|repitiendo|pregunta|preguntando) (lo mismo|las mismas|la misma|todo) ...1',
  '(dejo|deja|dejando|dejado) (la|el) (estufa|gas|hornilla|hornillas|plancha|agua|llave|puerta) (prendida|prendido|encendida|encendido|abierta|abierto)',
  // A medicine not swallowed: "the potassium pills are too big, been spittin them out".
  '(spit|spits|spitting|spittin|spat|spitted) (them|it|em|the|my|her|his)? ...1 out', '(las|los|la|lo) (escupo|escupe|escupio|escupi)',
  '(pills|pill|tablets|tablet|capsules|capsule|pastillas|pastilla|pildoras) ...3 (too big|too large|muy grandes|demasiado grandes)',
  // No way to get there: "no way to get to the pharmacy", "no tengo cómo llegar".
  '(no|without|dont have|didnt have|have no|has no) (a)? (way|means) to (get|go)', 'no (tengo|tiene|tenemos) (como|en que) (llegar|ir)',
  // The patient says outright they are telling news: "I have to tell you", "quería avisarle".
  '(i|we) (have|need|needed|wanted|want|got|gotta) (to)? (tell|let) (you|u|yall) ...1',
  '(wanted|want|meant|needed) to (mention|report)', '(no|zero|lost my|lost his|lost her) (get up and go|oomph|pep|gumption)',
  // Spent: "I feel washed out", "wiped out all week", "she's been so run down".
  '(feel|feeling|felt|am|im|so|real|really|all|been|is|shes|hes|s) (washed|wiped|worn|tuckered|played|tapped) out', '(feel|feeling|felt|so|real|really|been|all) run down',
  // Going without a medicine: "been without it 2 days", "llevo tres días sin la insulina".
  '(been|gone|going|go|went|was|were|be|am|im) without (it|them|em|my|her|his|the|any|meds|medicine|medicines|medication|pills|insulin|inhaler)',
  '(llevo|lleva|llevamos|estoy|esta|he estado|ha estado) ...3 sin (ella|ellas|el|ellos|mi|mis|su|sus|la|las|los|pastilla*|medicina*|medicamento*|insulina|inhalador)',
  // Worn down by an illness: "I'm tired of fighting this", "cansada de luchar".
  '(tired|sick|weary) of (fighting|trying|living|being sick|struggling)', '(cansad*|harta|harto) de (luchar|pelear|vivir|estar enferm*)',
  // Strength gone: "no more energy", "sin fuerzas", "no tengo energía".
  '(no|zero|lost|lost my|lost all|without|sin|no tengo|no tiene|nada de) (more|any|my|much|mas|mi|la|las)? (energy|strength|stamina|energia|fuerza|fuerzas|animo)',
  // Not wanting what one used to: "don't even want to go down to the Legion", "ya no quiero salir".
  '(dont|doesnt|didnt|do not|does not|no) (even)? (want|wanna|feel like|care) (to)? (go|do|get|leave|see|eat|talk|get up|get out)',
  '(ya no|no) (quiero|quiere|tengo ganas de|tiene ganas de) (salir|comer|hacer nada|ver a nadie|levantarme|levantarse)',
  'thought (you|u|yall) should know',
  '(tengo|quiero|queria|quisiera) (que)? (decirle|decirte|avisarle|avisarte|contarle|contarte|comentarle|comentarte)',
  // A new number, address or email: staff must record it (the bot cannot), or texts go to the wrong person.
  '(new|different|another|other) (phone|number|cell|cellphone|telephone|address|email)',
  '(change|changed|changing|update|updated|updating) ...2 (phone|number|address|email|cell)',
  '(send|sending|text|texting|call|calling) ...3 (to|at) (this|that|my|her|his|the new|a new) (number|phone|cell)',
  '(nuevo|otro|diferente) (numero|telefono|celular|correo|domicilio|direccion)',
  '(cambio|cambie|cambiar|cambiamos|cambiaron|actualizar|actualicen) ...2 (numero|telefono|celular|direccion|domicilio|correo)',
  // Well as it was, not as it is: "used to be fine", "antes podía caminar más".
  ...PAST_WELL,
  '(passed|pass|passes|passing) away', 'lost (some|a lot of|a bunch of)? weight', 'lost ...2 (pounds|lbs|lb|libras|kilos)', '(baje|perdi) (de)? peso', '(ran|run|runs|running|runnin) (out|low)', 'se (me|le)? (acabo|acabaron|termino|terminaron)'].map(compilePattern);

