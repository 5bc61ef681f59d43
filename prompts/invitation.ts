/**
 * What an enrolment campaign says to a candidate (a patient the practice
 * invites to CCM), by text and by call. Each text names the practice, is
 * short and plain, offers nothing but the program (no marketing), and says
 * how to answer and how to stop. A "yes" is interest, not consent: the
 * consent itself is asked for on the consent page or by a person.
 * Part of the catalogs (en.ts, es.ts): the same rules and tests apply.
 */
import type { PromptEntry } from './en.js';

export const invitationEn = {
  // The first contact a campaign starts. By call: options last, keys 1, 2 and 9.
  'invitation.invite': {
    sms: 'Hi {firstName}, this is {practiceName}. Your doctor offers check-ins with your care team between visits. Reply YES to learn more, NO if not interested, STOP to end texts.',
    voice: 'This is {practiceName}, calling for {firstName}. We offer check-ins between visits. To hear more, press 1. If you are not interested, press 2. To not be called again, press 9.',
  },
  'invitation.reminder': {
    sms: 'Reminder from {practiceName}: {firstName}, your doctor offers check-ins with your care team between visits. Reply YES to learn more, NO if not interested, STOP to end texts.',
    voice: 'This is a reminder from {practiceName}. We offer check-ins between visits. To hear more, press 1. If you are not interested, press 2. To not be called again, press 9.',
  },
  // Said once, to the message that opted out.
  'invitation.opt_out_confirmation': {
    sms: 'You will get no more texts from {practiceName}. For emergencies, call 911.',
    voice: 'You will get no more calls from {practiceName}. For emergencies, call 911. Goodbye.',
  },
  // Said once, to the "no".
  'invitation.declined': {
    sms: "Thank you for letting us know, {firstName}. We won't ask again. To reach {practiceName}, call {practicePhone}.",
    voice: 'Thank you for letting us know. We will not ask again. Goodbye.',
  },
  'invitation.help': {
    sms: '{practiceName}: we asked if you want check-ins between visits. Call us at {practicePhone}. Reply YES to learn more, NO if not interested, STOP to end texts.',
    voice: 'This is {practiceName}. To talk with us, call {practicePhone}. For emergencies, call 911.',
  },
  // "Who is this?", "what is this about?": answered, nothing stops.
  'invitation.who_we_are': {
    sms: 'This is {practiceName}, your doctor\'s office. We asked if you want check-ins with your care team between visits. Questions? Call {practicePhone}. Reply YES, NO or STOP.',
    voice: 'This is {practiceName}, your doctor\'s office. We offer check-ins with your care team between visits. If you have questions, call {practicePhone}.',
  },
  // Anything else: a person reads it (the unmatched texts on Today) and calls.
  'invitation.noted': {
    sms: 'Thank you, {firstName}. Someone from {practiceName} will read your message and call you. You can also call {practicePhone}.',
    voice: 'Thank you. Someone from {practiceName} will call you. You can also call {practicePhone}.',
    promise: true,
  },
  // Pressed 1 on the call: consent is taken by phone, by a person.
  'invitation.interested': {
    sms: 'Thank you, {firstName}. Someone from {practiceName} will call you to explain the check-ins. Questions? Call {practicePhone}.',
    voice: 'Thank you. Someone from {practiceName} will call you to explain the check-ins and answer your questions. Goodbye.',
    promise: true,
  },
  // An answering machine: who called and the number, nothing about health.
  'invitation.voicemail': {
    sms: 'Hello, this is {practiceName} calling about check-ins with your care team. Please call us at {practicePhone}. Thank you.',
    voice: 'Hello, this is {practiceName} calling about check-ins with your care team. Please call us at {practicePhone}. Thank you.',
  },
} as const satisfies Record<string, PromptEntry>;

export const invitationEs: { readonly [K in keyof typeof invitationEn]: PromptEntry } = {
  'invitation.invite': {
    sms: 'Hola {firstName}, le escribe {practiceName}. Su médico ofrece seguimiento con su equipo médico entre consultas. Responda SÍ para saber más, NO si no le interesa, STOP para no recibir más mensajes.',
    voice: 'Le habla {practiceName}, con un mensaje para {firstName}. Ofrecemos seguimiento entre consultas. Para saber más, oprima 1. Si no le interesa, oprima 2. Para que no le llamemos más, oprima 9.',
  },
  'invitation.reminder': {
    sms: 'Recordatorio de {practiceName}: {firstName}, su médico ofrece seguimiento con su equipo médico entre consultas. Responda SÍ para saber más, NO si no le interesa, STOP para no recibir más mensajes.',
    voice: 'Le recordamos de parte de {practiceName}. Ofrecemos seguimiento entre consultas. Para saber más, oprima 1. Si no le interesa, oprima 2. Para que no le llamemos más, oprima 9.',
  },
  'invitation.opt_out_confirmation': {
    sms: 'Ya no va a recibir mensajes de {practiceName}. Si tiene una emergencia, llame al 911.',
    voice: 'Ya no va a recibir llamadas de {practiceName}. Si tiene una emergencia, llame al 911. Adiós.',
  },
  'invitation.declined': {
    sms: 'Gracias por avisarnos, {firstName}. No le volveremos a preguntar. Para comunicarse con {practiceName}, llame al {practicePhone}.',
    voice: 'Gracias por avisarnos. No le volveremos a preguntar. Adiós.',
  },
  'invitation.help': {
    sms: '{practiceName}: le preguntamos si quiere seguimiento entre consultas. Llámenos al {practicePhone}. Responda SÍ para saber más, NO si no le interesa, STOP para no recibir más mensajes.',
    voice: 'Le habla {practiceName}. Para hablar con nosotros, llame al {practicePhone}. Si tiene una emergencia, llame al 911.',
  },
  'invitation.who_we_are': {
    sms: 'Le escribe {practiceName}, el consultorio de su médico. Le preguntamos si quiere seguimiento con su equipo médico entre consultas. ¿Preguntas? Llame al {practicePhone}. Responda SÍ, NO o STOP.',
    voice: 'Le habla {practiceName}, el consultorio de su médico. Ofrecemos seguimiento con su equipo médico entre consultas. Si tiene preguntas, llame al {practicePhone}.',
  },
  'invitation.noted': {
    sms: 'Gracias, {firstName}. Alguien de {practiceName} va a leer su mensaje y le va a llamar. También puede llamar al {practicePhone}.',
    voice: 'Gracias. Alguien de {practiceName} le va a llamar. También puede llamar al {practicePhone}.',
    promise: true,
  },
  'invitation.interested': {
    sms: 'Gracias, {firstName}. Alguien de {practiceName} le va a llamar para explicarle el seguimiento. ¿Preguntas? Llame al {practicePhone}.',
    voice: 'Gracias. Alguien de {practiceName} le va a llamar para explicarle el seguimiento y contestar sus preguntas. Adiós.',
    promise: true,
  },
  'invitation.voicemail': {
    sms: 'Hola, le llamamos de {practiceName} sobre el seguimiento con su equipo médico. Por favor llámenos al {practicePhone}. Gracias.',
    voice: 'Hola, le llamamos de {practiceName} sobre el seguimiento con su equipo médico. Por favor llámenos al {practicePhone}. Gracias.',
  },
};
