/**
 * Spanish red-flag phrases (accents optional: text is compared without
 * them). Same syntax and typo tolerance as en.ts; see
 * src/flows/text/phrase-pattern.ts.
 */
import type { RedFlagPhrases } from './types.js';

const CHEST_SYMPTOM = '(dolor|dolores|duele|duelen|presion|opresion|ardor|molestia|apret*|apriet*|punzada|pesadez|pesado|pesada|oprim*)';
const PILLS = '(pastillas|pildoras|medicinas|medicamentos|tabletas|comprimidos|capsulas|insulina)';

export const ES_RED_FLAGS: RedFlagPhrases = {
  chest_pain: [
    `${CHEST_SYMPTOM} ... pecho`,
    `pecho ... ${CHEST_SYMPTOM}`,
    'infarto',
    // Something heavy on the chest ("un peso en el pecho"), not the patient's weight ("peso 180").
    '(peso|piedra|losa|plancha|elefante) (en|sobre) (el|mi)? pecho',
    // The chest likened to a weight: "mi pecho como piedra pesada encima".
    'pecho (como|cual|igual que) (una|un)? (piedra|losa|peso|plancha|roca|ladrillo|tabla)',
    // Something sitting on it: "como un elefante sentado en el pecho".
    '(sentado|sentada|parado|parada|encima|montado|montada) (en|sobre|de)? (el|mi)? pecho',
    '(aprieta*|apriet*|oprim*) ...5 (brazo|quijada|mandibula|espalda)',
    // The chest and the left arm or the jaw together, as the English list reads them: "el pecho y el brazo izquierdo".
    'pecho ...5 (brazo izquierdo|quijada|mandibula)',
    '(se me corre|se me va|se me pasa|baja|corre) (al|hacia el|por el) (brazo|quijada|mandibula)',
    // Pain that climbs to the jaw or runs to the arm: "un dolor en la boca del estómago que me sube hasta la quijada".
    '(dolor|duele|presion|ardor|apret*|oprim*) ...8 (sube|subia|subio|baja|bajaba|corre|pasa|va|llega|se va|se corre|se pasa) (hasta|hacia|para|por|a)? (el|la|al|mi)? (quijada|mandibula|brazo izquierdo)',
    'ataque (al)? (corazon|cardiaco)',
  ],
  breathing: [
    'no (puedo|podia|pude|puede|consigo|logro) (casi)? (respirar|respiro|respira)',
    'casi no (respiro|respira)',
    'me cuesta (mucho)? respirar',
    '(espuma|flema|gargajo|saliva) ...2 (rosad*|rosa)', '(rosad*|rosa) ...1 (espuma|espumos*)',
    'no (puedo|pude|podia|puede) (agarrar|tomar|jalar|meter|coger|sacar|cojer) (el)? aire',
    '(dificultad|problemas|trabajo) (para|al)? respirar',
    '(falta|faltando) (de)? (aire|aliento)',
    '(me|le) falta (el)? (aire|aliento)',
    'ahog*',
    'sin aire',
    'no me alcanza (el)? (aire|aliento|respiro)',
    '(me ahogo|me asfixio|no respiro) (cuando|si) me (acuesto|recuesto)',
    'asfixi*',
    'respiro mal',
    '(labios|dedos|unas) ...3 (morad*|azul*)',
  ],
  stroke: [
    '(veo|viendo|ve|vi|vio|veia) doble',
    // The worst headache of a life: "me duele la cabeza como nunca en mi vida".
    '(dolor de cabeza|duele la cabeza|duele mucho la cabeza) ...3 como nunca',
    // El peor de una vida, dicho como sea, también en spanglish: "a really bad headache, dice que es el peor de su vida".
    '(headache|dolor de cabeza|duele la cabeza|migrana|jaqueca) ...8 (el|la)? (peor|peores) ...3 (de|en) (mi|su|toda mi|toda su) vida',
    // Dolor de cabeza con la vista nublada: derrame o una crisis de presión.
    '(dolor de cabeza|duele la cabeza|duele mucho la cabeza|migrana|jaqueca|headache) ...5 (borros*|nublad*|no veo bien|veo mal|no ve bien|ve mal|manchas)',
    '(veo|vista|vision) (borros*|nublad*|mal) ...5 (dolor de cabeza|duele la cabeza|duele mucho la cabeza|migrana|jaqueca)',
    '(vision|vista) doble',
    '(peor|fuerte) ... de mi vida',
    '(se me|se le) (durmio|entumio) (la)? mitad (de la)? cara',
    '(cara|boca) ... (caida|cayendo|torcida|chueca|ladeada|paralizada|dormida|entumida)',
    '(se le|se me) (torcio|cayo|ladeo|chueco|durmio) (la)? (boca|cara)',
    // "Se le fue la cara de lado", "la mano derecha no la puede mover".
    '(se le|se me) (fue|va|iba) (la)? (boca|cara) (de|pa|para|hacia un)? (lado|un lado)', '(cara|boca) de lado',
    '(brazo|mano|pierna) (derecha|izquierda|derecho|izquierdo) no (la|lo)? (puede|puedo|podia|pudo) (mover|levantar|alzar)',
    '(no|casi no) se le entiende', 'no le entiend* (nada)? (lo que|cuando) (habla|dice)',
    '(cae|cayo|cayendo) ... (cara|boca)',
    'no (puedo|puede) hablar (bien|claro)',
    'arrastr* las palabras',
    // Palabras que no salen: "no le salen las palabras".
    'no (le|me) (sale|salen) (las)? palabras',
    'se me traba la lengua',
    'hablo (raro|mal|arrastrado)',
    '(hormigueo|entumecimiento|entumid*|adormecimiento|adormecid*|dormid*|debilidad|paraliz*) ... (lado|brazo|cara)',
    '(lado|brazo|cara|medio cuerpo|mitad del cuerpo) ... (hormigue*|entumid*|adormecid*|dormid*|debil|paraliz*)',
    '(durmio|duerme|entumio|adormecio|paralizo) ... (brazo|cara|lado|medio cuerpo|mitad del cuerpo)',
    '(hormigueo|entumecimiento|entumid*|adormecimiento|adormecid*|dormid*|debilidad|paraliz*) ... (medio cuerpo|mitad del cuerpo)',
    'no (puedo|puede) mover (el|mi|un)? (brazo|lado|cara)',
    'no (puedo|puede|pudo|podia) (levantar|alzar|mover) (el|mi|su|un)? (brazo|mano) (derecho|izquierdo|derecha|izquierda)',
    '(habla|hablando|hablo|habla muy) (enredado|enredada|trabado|trabada|arrastrado|arrastrada|mocho|como borracho)',
    'peor dolor de cabeza',
    // Not "derrame pleural" or "derrame en el ojo".
    'derrame (cerebral)? !pleural|en|de|del',
    'embolia',
    'ataque cerebral',
  ],
  fainting: [
    'desmay*',
    '(perdi|perdio|perder) (el)? conocimiento',
    '(perdi|perdio) el sentido !del|de',
  ],
  fall: [
    // As the Caribbean says it, the "-de" and the last "r" dropped: "se cayó y no se pue pará".
    '(me|se) (cai|cayo|he caido|ha caido) ...5 no (me|se)? (puedo|pude|podia|puede|pudo|pue|pueo) (levantarme|levantarse|levantar|levanta|pararme|pararse|parar|para|moverme|moverse|mover|move|caminar|camina)',
    'no (puedo|pude|podia) (levantarme|pararme) (del|de el)? (suelo|piso)',
    '(me|se) (cai|cayo|he caido|ha caido) ...5 (golpe*|pegue|pego|di|dio) ... cabeza',
    '(me|se) (cai|cayo|he caido|ha caido) ... (sangr*)',
    '(sigue|sigo|esta|estoy|quedo|quede) (tirad*)? en el (piso|suelo)',
    // Un hueso fuera de su forma: "la muñeca le quedó chueca", "se le ve el hueso".
    '(muneca|brazo|pierna|tobillo|cadera|hombro|codo|rodilla|dedo|pie|mano) ...3 (chueca|chueco|deforme|fuera de lugar|al reves)',
    '(hueso) ...2 (salido|saliendo|de fuera|se ve|se le ve)',
    'se (le|me) ve el hueso',
  ],
  self_harm: [
    // Un arma a la mano: "saqué la pistola de mi esposo y no dejo de mirarla".
    '(pistola|arma|rifle|escopeta|revolver) ...3 (cargad*|a la mano|en la mano|en mis manos|junto a la cama|debajo de la almohada)',
    '(mirando|mirar|miro|viendo) (la|el|mi|su|esa|ese)? (pistola|arma|rifle|escopeta|revolver)',
    '(pastillas|medicinas|pildoras|frascos) ...3 (alineadas|contadas|juntas en la mesa|listas para tomar*)',
    'no (quiero|deseo) seguir viviendo',
    // "Ya no quiero seguir", "me duermo y ya no despierto": wanting it over, said softly.
    'ya no (quiero|puedo) seguir',
    // No despertar, deseado en voz baja: "a veces pienso que sería mejor no despertar", "ojalá no amaneciera".
    '(seria|sera|es) mejor (ya)? no (despertar|despertarme|amanecer|estar aqui|existir|vivir)',
    '(ojala|quisiera|preferiria) (ya)? no (despertar|despertarme|despertara|amanecer|amaneciera)',
    '(seria|sera|es) mejor (morir|morirme|estar muerto|estar muerta)',
    '(duermo|dormir|dormirme|me duerma|me duermo) y (ya)? no (despierto|despertar|despertarme|me despierte)',
    '(ya)? (pense|pensado|se) como (hacerlo|matarme)',
    '(guardando|guarde|junte|juntando) (las|mis|todas las)? (pastillas|pildoras)',
    // Kept back, a month's worth: "tengo guardadas todas las pastillas del mes".
    '(guardadas|guardados|juntadas|juntados|ahorradas|escondidas) (las|mis|todas las|todas mis)? (pastillas|pildoras|medicinas)',
    'suicid*',
    '(quiero|quisiera|deseo|ganas de|prefiero) (morir|morirme|estar muerto|estar muerta)',
    'me quiero (morir|matar)',
    // The pronoun said first, as Spanish often puts it: "me quiero hacer daño", "me voy a cortar", "me dan ganas de matar".
    'me (quiero|quisiera|voy a|vo a|pienso|dan ganas de|dieron ganas de|estan dando ganas de) (hacer dano|lastimar|cortar|herir|matar|quitar la vida)',
    'matarme',
    // Dicho de otro, en el mismo peligro: "mi hermano dice que se quiere matar", "quiere quitarse la vida".
    'se (quiere|quiera|queria|quiso|va a|iba a|piensa|quisiera) (matar|quitar la vida|suicidar)',
    '(quiere|queria|va a|piensa|habla de) (matarse|quitarse la vida|suicidarse)',
    'quitarse la vida',
    'quitarme la vida',
    'acabar con (mi vida|todo|esto|este sufrimiento)',
    // Taking them all, meant: "estoy pensando en tomarme todas las pastillas de dormir de una vez".
    `(tomarme|tragarme|tomar|tragar) (todas|todos) (las|los|mis) ${PILLS} ...6 (de una vez|juntas|juntos|al mismo tiempo)`,
    'hacerme dano',
    'lastimarme|cortarme|herirme',
    'no (quiero|deseo) (seguir)? vivir',
    '(no tengo|sin) (razon|razones|motivo|motivos|ganas) (para|de) vivir',
    '(estaria|estarian|estarias|estarian todos|vivirian) mejor sin mi',
    '(ya)? no (tiene|le veo|veo|le encuentro|encuentro) (ningun|el)? sentido (a|de)? (seguir|vivir|nada|la vida)',
    '(ya)? no (voy a|vo a) necesitar (mis|las)? (pastillas|medicinas) ...2 (mas|nunca)',
    '(diga|digale|diganle|dile) adios ...3 (de mi parte|por mi)',
    '(que|ojala) dios me (recoja|lleve|llame) (ya|pronto)?',
    'para que (sigo|seguir) (aqui|viviendo|vivo|en este mundo)',
    '(cansad*|harto|harta|hartos|hartas) de (vivir|la vida|estar vivo|estar viva)',
  ],
  severe_bleeding: [
    '(excremento|heces|popo|caca|pupu|del bano|evacuacion*) ... (negro|negra|negras|negros|chapopote|alquitran)',
    '(negro|negra) como (chapopote|alquitran|carbon|brea)',
    '(vomit*|tos*|escup*) (con)? sangre',
    '(orin*|hago pipi|hace pipi) (con)? (pura)? (sangre|coagulos)',
    'sangre en (el|mi)? (vomito|excremento|heces|popo)',
    '(vomit*|devolv*) ... (cafe|borra)',
    'sangr* ... no (para|paro|se detiene|se para|se quita|deja)',
    // Told with where and for how long first: "sangrando de la nariz desde hace 2 hours y no para".
    'sangr* ...8 (y|pero) no (para|paro|se detiene|se para|se quita)',
    'sangr* ... (desde hace|por) (una|1|dos|2|tres|3|varias|mas de una|mas de)? (hora|horas|hour|hours)',
    'no (para|deja) de sangrar',
    'sangrando (mucho|demasiado|sin parar)',
    'mucha sangre',
    'hemorragia',
  ],
  seizure: [
    'convuls* !medicina|medicamento|pastillas',
    'ataque (epileptico|de epilepsia)',
    'crisis convulsiva',
  ],
  allergic_reaction: [
    '(garganta|lengua|labios|boca|cara) ... hinch*',
    '(garganta|lengua|labios|boca|cara) ...5 (cerrando|cierra)',
    'hinch* ... (garganta|lengua|labios|boca)',
    // A medias en inglés: "la lengua y los labios are swelling".
    '(garganta|lengua|labios|boca) ... (swell*|swollen)',
    'reaccion alergica',
    'anafila*',
  ],
  unresponsive: [
    'no (abre|ha abierto|abrio|contesta|ha contestado|contesto|responde|ha respondido) la puerta',
    'no (la|lo|le) (puedo|podemos|pude|pudimos) despertar',
    '(casi|apenas) no (se)? (despierta|reacciona)', '(cuesta|cuestra) (mucho)? (despertarla|despertarlo)',
    // Not "ya no despierto" (a wish not to wake: self-harm's): only someone else not waking when spoken to.
    'no (reacciona|responde|despierta) (cuando|aunque|si) (le|la|lo) (hablo|hablamos|llamo|llamamos|muevo|movemos|sacudo|sacudimos)',
    // Waking only half way: "está muy dormido y no despierta bien" (not "no se despierta hasta las diez").
    'no (se)? (despierta|reacciona) (bien|del todo|completamente|por completo)',
  ],
  confusion: [
    'no (tiene|hace) sentido (lo que)? (dice|habla)',
    '(habla|dice) (puras)? (incoherencias|cosas sin sentido|cosas raras)',
    'no (puedo|puede) pensar (bien|claro|con claridad)',
    'desorientad*',
    '(muy|bien|mas|super|anda|esta|se ve|lo veo|la veo) (confundid*|perdid*|ido|ida)',
    'no (se|sabe) (ni)? (donde|en donde|adonde) (estoy|esta)',
    // Perdida en el tiempo, o confunde a las personas, como la ve la familia: "no sabe qué día es", "me llama con
    // el nombre de mi mamá" ("no sé ni qué día es" es broma de jubilado).
    'no sabe (ni)? (que|en que) (dia|ano|mes|fecha) (es|estamos|era)',
    '(me|nos|lo|la) (llama|llamo|confunde|confundio) (con|por) el nombre de (mi|su|otra|otro)',
    // Una madre que no reconoce a su hija.
    '(no|ya no) (me|nos|lo|la|los|te) (reconoce|reconocio|conoce)',
  ],
  overdose: [
    'sobredosis',
    // "Se tomó todas las pastillas de la semana de una vez".
    `(tomo|tome|trago|trague|tomado) (todas|todos) (las|los|sus|mis) ${PILLS} ...6 (de una vez|juntas|juntos|al mismo tiempo)`,
    // Past tense only: "tomo demasiadas pastillas" is a complaint about how many pills there are.
    `(tome|trague|tomado) ... (demasiad*|de mas|todo el frasco|toda la caja)`,
    // A wrong dose: "me tome muchas pastillas por error", "40 unidades en vez de 4".
    // ("Sin querer": a gap never takes a negator, so the "sin" is written with it.)
    `(tome|trague|tomado|tomo|puse|inyecte|inyecto) ...6 (muchas|muchos|doble|dos veces|mas|extra|toda la semana|todas) ...5 (error|equivocacion|accidente|sin querer)`,
    `${PILLS} ... (de toda la semana|de todo el pastillero|de varios dias) ...5 (error|equivocacion|accidente|sin querer)`,
    'unidades ...5 en (vez|lugar) de',
    '(me la|me las|la|las|se la|se las) (volvi|volvio) a tomar', 'doble dosis',
    `(tome|trague) (todas|todos) (las|los|mis) ${PILLS} (del|de la) (frasco|caja)`,
    // Told of someone else, as a family tells it: "se tomó todo el frasco", "se tomó todas las pastillas del frasco",
    // "se tomó un frasco entero de comprimidos" (the "se" makes "tomo" his, not a present "I take").
    '(se|me) (tomo|trago|tomaron|tragaron) (todo el|toda la) (frasco|bote|caja|botella)',
    `(se|me) (tomo|trago|tomaron|tragaron) (todas|todos) (las|los|sus|mis) ${PILLS} (del|de la) (frasco|caja|bote)`,
    // A whole bottle: his ("se tomó un frasco entero"), or of pills ("me tomé una caja entera de pastillas"; not "una caja de pañuelos").
    'se (tomo|trago|tomaron|tragaron) (el|un|una|la|todo el|todo un) (frasco|bote|caja|botella) (entero|entera|completo|completa)',
    `(tomo|tome|trago|trague|tomado|tomaron|tragaron) (el|un|una|la) (frasco|bote|caja|botella) (entero|entera|completo|completa) (de)? (las|los|sus|mis)? ...2 ${PILLS}`,
  ],
};
