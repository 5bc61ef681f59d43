/**
 * Everyday figures of speech that borrow symptom words: "fell asleep", "me
 * caí de la risa", "I'm dying to see the grandkids". Detectors skip their
 * words, so nobody is paged for a laugh. Pattern syntax: phrase-pattern.ts.
 */
/**
 * Thanks for a call (or a ride) that was made: "thank you for calling me back", "gracias a la enfermera Rosa
 * por llamarme". Nothing is missed and no call is asked for: the closed world and the request reader both read it so.
 */
export const THANKS_FOR_A_CALL =
  '(thanks|thank you|thank u|thx|ty|gracias) ...5 (for|por) (the|your|her|his|la|el|su|tu|sus|su amable)? (call|calls|calling|phone call|call back|llamada|llamadas|llamarme|llamarnos|llamar|ride|rides|lift|raite|transporte)';

export const IDIOMS: readonly string[] = [
  '(fell|fall|falls|falling) (asleep|in love|behind)',
  // Love, not a tumble: "fell head over heels for that new detective show" ("head over heels down the steps" is one).
  '(fell|fall|falls|falling) head over heels (for|in love|over)',
  // Golf and swimming, luck and genius: "a penalty stroke on 14", "a stroke of luck".
  '(penalty|back|breast) (stroke|strokes)', 'stroke of (luck|genius|good luck|midnight)',
  // Blood as what a test draws or a reading measures: "el próximo examen de sangre", "azúcar en la sangre", "blood test".
  '(examen|examenes|analisis|prueba|pruebas|estudio|estudios|laboratorio|laboratorios|muestra|muestras|sacar|sacarme|sacaron|sacan|donar|done) (de)? (la)? sangre',
  '(azucar|glucosa|presion|colesterol|oxigeno) (en|de) la sangre',
  'blood (test|tests|work|draw|panel|labs|sample|donation|drive|type|bank)',
  'dying (to|for|of laughter|over)',
  // Dyeing, as it is often spelt: "dying her hair blue for graduation".
  'dying (her|his|my|their|the|our)? (hair|beard|eggs|yarn|shirts|clothes)',
  // Things die too: "the batteries died", "old habits die hard"; and spirits run high.
  '(battery|batteries|phone|cell|car|truck|tv|computer|laptop|cuff|machine|meter|charger|flashlight|plants|tomatoes|garden|bateria|baterias|pila|pilas|celular|carro) ...2 (died|dead|die|dies|murio|muerto|muerta)',
  // A chest that holds things: "found my wedding dress in the old hope chest", "the ice chest", "a chest of drawers".
  '(hope|tool|ice|toy|treasure|cedar|tackle|medicine) chest', 'chest of drawers',
  '(habit|habits) die hard', '(broke|breaks|break|breaking) (my|his|her|our) heart', '(me|le|nos)? (rompio|rompe|rompieron|partio) (el|mi)? corazon', '(spirits|hopes) (are|were|is|was|running)? (high|up|low)',
  '(killing|killed) it',
  // A gift: "the pill box my son got me" (no medicine got the patient anything).
  '(son|daughter|grandson|granddaughter|husband|wife|kids|niece|nephew|friend|neighbor|neighbour|sister|brother|hijo|hija|nieto|nieta|you|yall|u) (all)? (got|gave|bought|brought|made|sent|ordered) (me|her|him|us)',
  // "killing myself laughing": laughter, not harm (the laugh must be said).
  '(killing|killed|kill|kills) (myself|me|ourselves|herself|himself) (laughing|with laughter|of laughter)',
  '(a|such a|real|big) pain in the (neck|butt|rear|behind|backside)',
  '(heart|hearts) (is|was|s)? (so)? full',
  // "nearly had a heart attack when I saw the price of eggs", "casi me da un infarto", "gonna give me a stroke".
  '(nearly|almost|about|about to) (had|have|gave|give) (me)? (a)? (heart attack|stroke|coronary)',
  // Near-deaths of a feeling: "I about died of fright", "nearly died laughing" (a cause named after is still read).
  '(about|nearly|almost|like to|liked to) (died|die) (of|from|laughing|laughin)',
  '(gonna|going to|will|gon) give me a (heart attack|stroke|coronary)',
  'casi (me|le) (da|dio) (un|el)? (infarto|ataque)',
  // Said half in Spanish: "the Cowboys gonna give me un ataque al corazon", "me van a dar un infarto con esta novela".
  '(gonna|going to|will|gon) give me (un|una) (ataque|infarto)',
  '(me|le|nos) (va|van) a (dar|provocar|causar) (un)? (infarto|ataque)',
  '(heart|corazon) (skipped|skip) a beat',
  '(heat|weather|humidity|cold|traffic|prices|taxes|kids|grandkids) (is|are|was)? killing (me|us)',
  '(calor|frio|humedad|trafico|precios|impuestos|ninos|nietos|chamacos) (me|nos) (esta|estan|anda|andan)? matando',
  // Money bled: "la cartera me está sangrando con tanto regalo", "Christmas is bleeding my wallet dry".
  '(cartera|billetera|bolsillo|wallet|bank account|pocket|pockets) ...3 (sangrando|sangra|bleeding|bled)',
  '(bleeding|bled|bleeds) (my|me|the|our) (wallet|bank account|pocket|pockets|dry)',
  // What laughing did is part of the laugh: "laughed so hard at the school play I couldnt breathe".
  '(laughed|laughing|laugh) (so hard|till|until) ...6 (couldnt|could not|cant|cannot) (breathe|breath|catch my breath|stop)',
  '(laughed|laughing|laugh) (so hard|till|until)',
  'sick (and|n) tired',
  '(me|se|nos) (cai|caigo|cayo|caimos) de (la)? risa',
  '(me|se) (muero|muere|moria|moria) (de|por) (la)? (risa|ganas|hambre|sueno|frio|calor|ver)',
  'muero por',
  '(me|nos) (mata|mato|matan) de (la)? risa',
  // A range, not a level: "sugars in the low 100s" (the number says how high).
  '(in|into|around) the (low|high|mid|upper|lower)',
  '(passed|passing|pass|handed|handing) out (the|some)? ...2 (bulletins|flyers|papers|candy|cards|programs|invitations|treats|plates|tracts|food)',
  '(movie|show|film|book|wedding|graduation|pelicula|novela|boda) ...4 (crying|cried|cry|llorar|llore|llorando)',
  // A symptom that eased: "the fever broke", "swelling went down".
  '(fever|temperature|fiebre|calentura) (broke|went down|came down|se quito|bajo|ya bajo)',
  '(swelling|swollen|hinchazon|inflamacion) ...4 (went|gone|going|come|came|has gone) (all the way|right|way|back|right back|all the way back)? down',
  // "The swelling in my feet bajó mucho", "the swelling in my legs is down a lot".
  '(swelling|swollen|puffiness|hinchazon|inflamacion) ...4 (bajo|baja|bajando|se bajo|se me bajo|desinflamo)',
  '(swelling|swollen|puffiness|hinchazon|inflamacion) ...4 (is|s|has|got|esta) (way|a lot|much|mucho)? (down|less|menos) !from|to',
  '(se|ya se) (me|le)? (bajo|quito|desinflamo) (la|el)? (hinchazon|inflamacion|hinchado)',
  // "Swelling's down", "the puffiness is less": said of swelling, "down" is better (of a pressure it may not be).
  '(swelling|swellings|puffiness|puffinesss|hinchazon|inflamacion) (is|s|has|got|esta)? (way|a lot|much|mucho)? (down|less|better|improved|gone|menos|mejor)',
  // A shape, a show, a way of running things: "a heart shaped cake", "the TV doctor shows", "you run a tight ship".
  '(heart|hearts|corazon) (shaped|shape)', 'en forma de corazon',
  '(tv|television|the) (doctor|doctors|hospital|medical|nurse|er) (show|shows|series|drama|dramas|program|programs)',
  '(run|runs|running|ran) a tight ship',
  // A treat that will be the end of one: "that cobbler gonna be the death of me".
  '(be|is|was|gonna be|will be|going to be) the death of (me|us|him|her)',
];

/**
 * Words saying a symptom has passed ("the cough is gone now", "ya se me
 * quitó la tos", "none since", "normal for me"): a concern in the same
 * clause is history or the patient's baseline, not news. Red
 * flags do not use this: "the chest pain is gone" is still urgent.
 */
export const RESOLVED: readonly string[] = [
  // Not "gone blurry", "gone numb": what a thing has gone is what it has become.
  'gone !up|to|through|by|out|in|into|with|for|on|off|blurry|blurred|blind|numb|dead|weak|bad|dark|pale|red|black|blue|purple|white|yellow|gray|grey|cold|stiff|limp|crazy|wrong|funny|fuzzy|foggy|dim|quiet|silent|soft|hard|sour|downhill|haywire',
  'went away',
  'cleared up',
  'all better',
  '(has|have|is|are) healed',
  'resolved',
  'se (me|le)? (quito|quitaron)',
  // The perfect tense too: "la tos se me ha quitado del todo".
  'se (me|le)? (ha|han) (quitado|ido|pasado)',
  'ya (se)? (me|le)? (paso|quito)',
  'desaparecio',
  // Cured, and a swelling or an inflammation undone: "la infección está completamente curada", "las piernas ya están deshinchadas".
  'cured', '(curado|curada|curados|curadas)', 'deshinch*', 'desinflam*',
  // Not since: "had some swelling in August but none since", "the chest thing never came back".
  '(none|nothing|no more|not once) since', '(ninguna|ninguno|nada|no mas) desde (entonces|ese dia|eso|ahi)',
  '(havent|have not|hasnt|has not) (had|felt|noticed) (it|that|one|any|them)? since', '(never|hasnt|has not|havent|have not|didnt|did not|aint|ain) (came|come|been) back',
  'no (me|le)? ha (vuelto|regresado)', 'no (me|le)? (volvio|regreso)',
  // The patient's own baseline, said to be so: "winded after mowing, but that's normal for me".
  '(normal|usual|typical) for (me|him|her)', '(lo)? (normal|de siempre) (para|en) (mi|el|ella)',
  '(like|as) (always|usual|ever)', 'como (siempre|de costumbre)',
  // "A heating pad and it quit", "then it eased up".
  '(it|that|pain|ache|cramp) (quit|eased|let up|settled down|calmed down)',
  // At last, or for good: "the cough finally quit", "the swelling has eased" (the marker governs what it follows).
  '(finally|at last) (quit|stopped|eased|let up|settled down|calmed down|cleared up)', '(has|have) (quit|eased|let up|settled down|calmed down)',
  // "Breathing is as it was", "ankles are their usual selves".
  '(as|like) (it|they|she|he) (was|were|has been|have been|always is|always are)', '(their|its|my|his|her) usual',
  // "Breathing's about what it's been all year", "same as it's been for months".
  'what (it|its|they|theyve|theyre) (has|have|is|are)? (been|was|were) ...2 (year|years|month|months|along|forever|winter|summer)',
  'same as (ever|always|usual|before|it has been|its been)', 'lo mismo de siempre', 'igual que siempre',
];

/**
 * Words saying a symptom is better than it was: as RESOLVED, unless the
 * clause says it is still there (LINGERING): "still swollen but better".
 */
export const IMPROVED: readonly string[] = [
  // Better than it was: "mucho mejor la tos", "the rash cleared right up", "la gota ya se me calmó", "healing nicely".
  // ("You better call", "mejor llámenme": advice, not a symptom's course.)
  'better !call|get|go|come|check|see|have|let|make|be|not|off|ask|tell|text|send|talk|than|when|if|sitting|sit|lying|laying|propped|standing|after|with|at', '(much|lot|way|a lot|some|somewhat|little|bit|a bit) better',
  '(mucho|muy|mas|bastante|poco|algo|estoy|esta|estan|siento|va|van|sigo|sigue) mejor', 'mejor (de|del|con)', 'mejor* (la|el|las|los|mi|mis) (tos|gripa|gripe|herida|gota|rodilla|pierna|piernas|pies|espalda|dolor)',
  'mejorando', 'mejorado', 'mejoro', 'mejoraron', 'improv*', 'cleared', 'clearing up', '(se|me|le|ya)? (me|le)? (calmo|calmaron|calmado|calmada|aliviado|aliviada|alivio)', '(calmed|settled|eased|ease|eases|easing) (down|off|up)',
  // The symptom as the one that stopped: "leg cramps stopped after the bananas", "they've stopped". Not stopping a thing
  // ("stopped the pills", "stopped eating"): that is news of another kind.
  'stopped !the|my|taking|it|them|his|her|all|eating|drinking|using|going|doing|a|an|that|this|those|these|me|him|breathing|talking|walking|peeing|working',
  // The same in learner English's plain form, with how long it took: "the bleeding stop after one hour".
  'stop (after|in|within) (one|two|three|an|a|half|few|couple|1|2|3|4|5|10|15|20|30)? (an|a|of)? (hour|hours|hr|hrs|minute|minutes|min|mins|day|days)',
  // As good as new: "la sobadora me dejó como nueva", "knee feels like new".
  '(dejo|dejaron|quedo|quede|feels|feel|felt|good) (como|like|as)? (nuevo|nueva|nuevos|nuevas|new)',
  '(se|ya se)? (me|le)? (cerro|cerraron) (la|el|mi)? (herida|llaga|cortada|ulcera)',
  'healed', '(all|is|its|are) heal (now|up)?', 'healing (up|well|nicely|fine|good|ok|great|bien)', 'sanando', 'sanado', 'sanaron', 'sano (bien|bonito|rapido|ya)', '(wound|cut|sore|herida|llaga|cortada|ulcera) ...3 (closed|closed up|cerro|cerrando|cerrada)',
  '(back|come back|came back|went back) to normal', '(normal|regular|normales) (again|otra vez|de nuevo|ya)', '(ya|otra vez|de nuevo) (normal|normales)',
  // Spanish says a thing no longer comes with "ya no" and the verb of its coming: "ya no me dan los calambres", "ya no me sube el azúcar".
  // (Not "ya no puedo", "ya no tengo": what one can no longer do, or no longer has, may be the news.)
  'ya no (me|le|se)? (me|le)? (da|dan|dio|dieron|daba|daban|viene|vienen|vino|sube|suben|subia|molesta|molestan|arde|arden|pica|pican|duele|duelen|hincha|hinchan)',
  // Less of a symptom: "coughing less since the new inhaler", "less pain", "menos tos", "toso menos" (only of a
  // symptom: "eating less", "sleeping less" are news).
  '(less|fewer|menos) (pain|cough*|swelling|itch*|ache*|wheez*|headache*|cramp*|dolor|dolores|tos|hinchazon|comezon|mareo*|calambre*|flema)',
  '(cough*|coughin|wheez*|itch*|toso|tose|pica|pican) (a lot|a bit|much|way|mucho|un poco)? (less|menos) !than|que',
];

/**
 * Words saying a symptom is still there ("still", "todavía", "sigue"): a
 * clause with one is not settled by IMPROVED ("still coughing, better at
 * night"), though its baseline may be ("still the floaters, same as last month").
 */
export const LINGERING: ReadonlySet<string> = new Set(['still', 'todavia', 'aun', 'sigue', 'siguen', 'continues', 'continue', 'continuing', 'persists', 'persistent']);

/** Words that join two statements in one clause: "my legs are swollen and the cough is gone". */
const JOINING: ReadonlySet<string> = new Set(['and', 'plus', 'also', 'n', 'y', 'e', 'tambien']);

/**
 * Whether the words saying something passed (at `marker`) are about the
 * words at `item`: no "and" stands between them. In "my legs are swollen and
 * the cough is gone" only the cough is gone.
 */
export function governs(tokens: readonly string[], marker: { start: number; end: number }, item: { start: number; end: number }): boolean {
  const [from, to] = marker.start >= item.end ? [item.end, marker.start] : [marker.end, item.start];
  for (let i = from; i < to; i++) if (JOINING.has(tokens[i] ?? '')) return false;
  return true;
}
