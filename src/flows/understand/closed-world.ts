/**
 * Closed world: the words of a message the reader cannot place. The turn
 * settles a message by itself only when it can account for all of it: the
 * answer to the question, readings and concerns it found (those raise what
 * they raise), pleasantries, and plain words of how someone is doing. The
 * words left over are the patient saying something the reader has no name
 * for; a person reads them. The lists here are not lists of concerns (those
 * will always be behind the words patients use) but of words that carry no
 * news: a language's function words and the small vocabulary of "fine,
 * thanks". Anything else counts as news. Pure: no I/O.
 */
import { tokenize } from '../text/normalize.js';

/** Words that only hold a sentence together, in English and Spanish (accents folded, as tokenize leaves them). */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than that thats this these those it its is are was were be been being am im i me my mine myself ' +
    'we us our you your yours u ur he him his she her hers they them their theirs there here to of in on at by for with from ' +
    'as just too very really real also still even only not no nor do does did done dont doesnt didnt have has had having ive ' +
    'will would could should can may might must shall wont wouldnt couldnt get got gets getting go goes going went gone ' +
    'what when where who why how which all any some each every much many more most bit little lot lots like well oh ah um ' +
    'uh hmm ya yall yeah yep yup yes ok okay okey k kk hi hello hey thanks thank thx ty please pls plz lol haha hehe ' +
    'about around since till until back again else somebody someone something itself ones one anyway up say said says tell ' +
    'told know knows see saw mean want wanted let lets ' +
    'el la los las un una unos unas y e o u pero que de del al a en con por para sin sobre es son era eran fue ser ' +
    'estar esta estas estoy estaba estan este esto eso esa ese estos esas yo me mi mis tu tus te su sus se le les lo nos ' +
    'muy mas ya no si tambien pues bueno buena aqui ahi alli hay como cuando donde quien porque pq asi ok vale ' +
    'soy eres es fui voy va vamos dice dijo dio puse hice algo alguien tengo tiene tenia cual desde hasta tanto puedo uno dos'
  ).split(' '),
);

/** How someone is doing, said plainly; answers; thanks and greetings; and when. No news in any of them. */
const NO_NEWS = new Set(
  (
    'fine good great well better best okay alright normal usual same doing feeling feel felt today tonight morning ' +
    'night day days evening afternoon yesterday now always everything nothing anything all well excellent wonderful ' +
    'fantastic perfect blessed happy glad nice kind appreciate love bless god care thanks thank sure right correct ' +
    'took taken take taking pills pill meds med medicine medicines medication medications em them both ' +
    'nope yeah yep si no gracias muchas mil bien mejor igual excelente perfecto perfecta tranquilo tranquila feliz ' +
    'contento contenta sano sana todo toda todos nada buenos buenas dias noches tardes hoy ayer manana ahora siempre ' +
    'dios bendiga amable cuidado tome tomado tomo pastillas pastilla medicina medicinas medicamento medicamentos ' +
    'siento sentir sentido estado'
  ).split(' '),
);

/** A lone digit is an answer to a menu ("2"); longer numbers said beside the answer are news unless read as a reading. */
const isMenuAnswer = (token: string) => /^\d$/.test(token);

/**
 * The words left over once function words, plain "fine, thanks" words,
 * menu digits and `known` words (the patient's own medicines, the words of
 * a reading the reader parsed) are taken out, in the order written.
 */
export function unplacedWords(text: string, known: Iterable<string> = []): string[] {
  const placed = new Set([...known].flatMap((word) => tokenize(word)));
  return tokenize(text).filter((token) => !FUNCTION_WORDS.has(token) && !NO_NEWS.has(token) && !isMenuAnswer(token) && !placed.has(token));
}

/** Two or more words the reader could not place: the message says something, and a person should read it. */
export const UNPLACED_WORDS_FOR_REVIEW = 2;
