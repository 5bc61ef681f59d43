/**
 * The front desk's texts (src/flows/understand/for-the-office.ts): an office
 * matter named and no word of health beside it. A word of health anywhere
 * keeps the text with the care team.
 */
import { describe, expect, it } from 'vitest';
import { forTheOffice } from '../../src/flows/understand/index.js';

describe("the office's texts", () => {
  it.each([
    ['To whom it may concern: Kindly update my mailing address to 14 Birch Lane, Apt 2. With thanks, Mrs. E. Farnsworth', 'contact_details'],
    ['We moved to my daughter\'s place in Kissimmee, new address is 1420 Palm Vista Dr. Do I still keep the same doctor?', 'contact_details'],
    ['Buenas, cambie de numero de celular, este es el nuevo. Saludos a la doctora', 'contact_details'],
    ['what time does the office open saturday', 'office_hours'],
    ['¿Van a estar abiertos el Viernes Santo?', 'office_hours'],
    ['did Dr. Goldstein retire? I heard from Mrs. Katz at shul', 'office_hours'],
    ['Does Medicare pay for these texts or am I getting a bill?', 'billing'],
    ['¿Cuánto me van a cobrar por estos mensajes?', 'billing'],
    ['I got my new Medicare Advantage card in the mail. Do you need a picture of it?', 'billing'],
    ['Can y\'all send me a copy of my shot records, the senior center wants em for the bus trip', 'records'],
    ['¿Me pueden mandar los mensajes en español? Mi inglés no es muy bueno', 'how_we_write'],
    ['Can you send the reminder at 9 instead of 7? I work nights', 'how_we_write'],
    ["This is her granddaughter, grandma doesn't text. I'll show her this tonight", 'how_we_write'],
    ['Good morning. Please, what time is my appointment with Dr. Adeyemi on Thursday? I misplaced the card.', 'appointments'],
    // What V taught: a plan the practice takes, a bill for the program, results on paper, the portal, our texts not understood.
    ['do yall take the new Humana plan? they switched my insurance in January', 'billing'],
    ['I got a statement for $38 for chronic care management, what is that', 'billing'],
    ['¿Me pueden mandar copia de mis resultados por correo? Los pide el abogado', 'records'],
    ['My son wants access to my patient portal, how do we do that', 'records'],
    ['no entendí el mensaje de ayer, ¿qué tengo que contestar?', 'how_we_write'],
    ['Can you write me in Spanish please, my English is little', 'how_we_write'],
    ['this is my number now, the old one got cut off', 'contact_details'],
  ])('"%s" is the front desk\'s (%s)', (text, topic) => {
    expect(forTheOffice(text), text).toContain(topic);
  });

  it.each([
    'my new number is 555 201 3344, my chest hurts',
    'changed my number because I fell and broke the phone',
    'I moved to my daughter\'s house since the surgery',
    'Can I get a copy of my records, I\'m seeing a heart doctor',
    'the office was closed when I came for my shot and I\'m out of insulin',
    'can I move my appointment, I have a cold',
    'new number, I need help I can\'t breathe',
    '1 acabo de llegar de jugar domino en el parque, me siento como un muchacho',
    'I walked in the park today',
    'feeling fine today',
    "2, this is Karen, Mom's daughter, texting for her. Mom hasn't picked up her mail in 4 days and the fridge is empty. Someone needs to check on her.",
    '¿Me pueden ayudar con transporte para la cita del martes? Ya no manejo',
    'the water pill costs $90 now and medicare pays only half',
    'my portal says my potassium was high, is that bad?',
    'saw the heart doctor, all good, put it in my chart',
    'no entiendo cuántas pastillas del azúcar me tocan en la noche',
    'No tengo cómo ir a la cita del jueves, mi hijo trabaja y el camión no pasa por aquí. ¿Me pueden ayudar?',
  ])('"%s" is not', (text) => {
    expect(forTheOffice(text), text).toEqual([]);
  });
});
