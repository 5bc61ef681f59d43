import { describe, expect, it } from 'vitest';
import { detectRedFlag } from '../../../src/flows/safety/index.js';
import type { RedFlagCategory } from '../../../src/flows/safety/index.js';

const cases: readonly (readonly [string, RedFlagCategory])[] = [
  ['dolor de pecho', 'chest_pain'], ['dolor en el pecho', 'chest_pain'], ['me duele el pecho', 'chest_pain'],
  ['presión en el pecho', 'chest_pain'], ['opresión en el pecho', 'chest_pain'], ['dolor de pesho', 'chest_pain'],
  ['Tengo un dolor fuerte en el pecho', 'chest_pain'], ['me duele mucho el pecho', 'chest_pain'], ['siento el pecho apretado', 'chest_pain'],
  ['me aprieta el pecho', 'chest_pain'], ['creo que es un infarto', 'chest_pain'], ['DOLOR DE PECHO', 'chest_pain'],
  ['no puedo respirar', 'breathing'], ['No puedo respirrar', 'breathing'], ['casi no puedo respirar', 'breathing'],
  ['me falta el aire', 'breathing'], ['falta de aire', 'breathing'], ['me ahogo', 'breathing'], ['siento que me ahogo', 'breathing'],
  ['dificultad para respirar', 'breathing'], ['me cuesta respirar', 'breathing'], ['me quedo sin aire', 'breathing'],
  ['no puedo agarrar aire', 'breathing'],
  ['cara caída', 'stroke'], ['se me cae la cara', 'stroke'], ['no puedo hablar bien', 'stroke'], ['hormigueo en un lado', 'stroke'],
  ['entumecimiento en un lado del cuerpo', 'stroke'], ['tengo la boca chueca', 'stroke'], ['se me durmió el brazo', 'stroke'],
  ['no puedo mover el brazo', 'stroke'], ['el peor dolor de cabeza de mi vida', 'stroke'], ['creo que me dio un derrame', 'stroke'],
  ['me caí y no me puedo levantar', 'fall'], ['me caí y no puedo levantarme', 'fall'], ['me cai y me pegue en la cabeza', 'fall'],
  ['no puedo levantarme del piso', 'fall'],
  ['me desmayé', 'fainting'], ['desmayo', 'fainting'], ['perdí el conocimiento', 'fainting'], ['me dio un desmayo', 'fainting'],
  ['quiero morir', 'self_harm'], ['quiero morirme', 'self_harm'], ['me quiero morir', 'self_harm'], ['me quiero matar', 'self_harm'],
  ['suicidarme', 'self_harm'], ['pienso en suicidarme', 'self_harm'], ['quitarme la vida', 'self_harm'], ['hacerme daño', 'self_harm'],
  ['ya no quiero vivir', 'self_harm'], ['no tengo razón para vivir', 'self_harm'], ['ya no aguanto quiero morirme', 'self_harm'],
  ['tomé demasiadas pastillas', 'overdose'], ['me tomé demasiadas pastillas', 'overdose'], ['sobredosis', 'overdose'],
  ['tuve una convulsión', 'seizure'], ['convulsión', 'seizure'], ['ataque epiléptico', 'seizure'],
  ['sangrado que no para', 'severe_bleeding'], ['vomitando sangre', 'severe_bleeding'], ['estoy escupiendo sangre', 'severe_bleeding'],
  ['toso con sangre', 'severe_bleeding'], ['no para de sangrar', 'severe_bleeding'],
  ['se me hincha la garganta', 'allergic_reaction'], ['tengo la lengua hinchada', 'allergic_reaction'],
  ['reacción alérgica', 'allergic_reaction'],
  ['estoy desorientado', 'confusion'], ['no sé dónde estoy', 'confusion'], ['no puedo pensar bien', 'confusion'],
  // Said around the textbook words (a fresh corpus, 2026-12).
  ['me dio un dolor de cabeza de repente, el peor de mi vida', 'stroke'], ['veo doble desde hace media hora', 'stroke'],
  ['se me durmió la mitad de la cara', 'stroke'], ['ya no quiero seguir viviendo', 'self_harm'], ['ya pensé cómo hacerlo', 'self_harm'],
  ['estoy haciendo del baño negro como chapopote', 'severe_bleeding'],
  ['mi esposo se cayó en el baño y se pegó en la cabeza', 'fall'],
  ['mi mamá se cayó… se pegó en la cabeza', 'fall'],
  // Un sexto corpus nuevo (F, 2026-12-04).
  ['Mi esposo no puede levantar el brazo derecho', 'stroke'], ['está hablando enredado desde hace rato', 'stroke'],
  ['mi mamá está bien confundida, no me reconoce', 'confusion'], ['se cayó y sigue tirado en el piso', 'fall'],
  // Un noveno corpus nuevo (I, 2026-12-05).
  ['tengo un peso en el pecho que se me va hasta la espalda', 'chest_pain'], ['no sabe ni dónde está', 'confusion'],
  ['dice que ya está cansada de vivir así', 'self_harm'],
  ['desde que se murió mi esposo ya no quiero seguir', 'self_harm'], ['a veces pienso que mejor me duermo y ya no despierto', 'self_harm'],
  ['se tomó todas las pastillas de la semana del pastillero de una vez', 'overdose'],
  // A twelfth fresh set (L): a pain that climbs to the jaw; someone who does not answer the door.
  ['Tengo un dolor en la boca del estómago que me sube hasta la quijada y estoy sudando a chorros', 'chest_pain'],
  ['mi vecina no abre la puerta desde ayer', 'unresponsive'],
  // X: the "-de" and the last "r" dropped, as the Caribbean says it.
  ['mi mai se cayo en el baño y no se pue pará', 'fall'],
  // Y: the pronoun said first; a double dose taken "sin querer" (the "sin" is no denial of the dose).
  ['Doctora, me quiero hacer daño. No sé a quién más decirle', 'self_harm'], ['me voy a cortar', 'self_harm'],
  ['me tome la de la mañana dos veces sin querer, la del corazon, la digoxina', 'overdose'],
  // Z: the chest likened to a weight, and heavy; someone who wakes only half way.
  ['2 señorita. Mi pecho como piedra pesada encima, desde mañana. Sudor mucho. Brazo izquierdo tambien duele.', 'chest_pain'],
  ['siento el pecho pesado desde anoche', 'chest_pain'],
  ['mi esposo esta muy dormido y no despierta bien', 'unresponsive'],
  ['me molesta el pecho y el brazo izquierdo', 'chest_pain'],
  // A whole bottle, told of someone else as families tell it ("se tomó"), or of pills.
  ['se tomo todo el frasco de las pastillas para dormir', 'overdose'], ['se tomó todas las pastillas del frasco', 'overdose'],
  ['mi marido se tomo un frasco completo de comprimidos', 'overdose'], ['me tomé una caja entera de pastillas', 'overdose'],
];

describe('detectRedFlag: Spanish', () => {
  it.each(cases)('%j -> %s', (text, category) => {
    expect(detectRedFlag(text)).toEqual({ category, locale: 'es' });
  });

  it('flags Spanish whatever the patient locale, and English in a Spanish text', () => {
    expect(detectRedFlag('hola, tengo chest pain')).toEqual({ category: 'chest_pain', locale: 'en' });
  });
});
