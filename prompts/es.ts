/**
 * Every sentence the bot says in Spanish, by key.
 *
 * Written with proper accents and "usted". The catalog keeps the accents (voice
 * prompts and any future channel need them); `renderSms` folds á/í/ó/ú to
 * a/i/o/u for SMS only, because one of them would switch a text to UCS-2 and
 * more than double its cost. ñ, é, ü, ¿ and ¡ are GSM-7 and are kept.
 * Where folding would turn a word into another ("tomó" -> "tomo", "llamará"
 * -> "llamara"), the wording avoids the accent instead ("pudo tomar", "va a
 * llamar"), so the folded text still reads right.
 */
import type { PromptCatalog } from './en.js';

export const es: PromptCatalog = {
  'common.no_usable_answer': {
    sms: 'Perdone, no pudimos entender sus respuestas. Alguien de su equipo de atención se va a comunicar con usted. También puede llamarnos al {practicePhone}.',
  },

  'wellness.opening': {
    sms: 'Hola {firstName}, le saluda {practiceName}. ¿Cómo se siente hoy? Responda 1 si se siente bien o 2 si tiene alguna preocupación. Responda STOP para no recibir más mensajes.',
  },
  'wellness.reprompt_feeling': {
    sms: 'Perdone, no le entendimos. Responda 1 si se siente bien o 2 si tiene alguna preocupación.',
  },
  'wellness.close_well': {
    sms: '¡Gracias, {firstName}! Nos alegra que se sienta bien. Que tenga un buen día.',
  },
  'wellness.ask_concern': {
    sms: 'Lamentamos oír eso. ¿Qué es lo que más le preocupa? Responda 1 Dolor, 2 Respiración o tos, 3 Mareo o debilidad, 4 Hinchazón, 5 Problema con medicinas, 6 Otra cosa. O cuéntenos en pocas palabras.',
  },
  'wellness.reprompt_concern': {
    sms: 'Responda con un número del 1 al 6, por ejemplo 1 si es dolor. O cuéntenos en pocas palabras qué le pasa.',
  },
  'wellness.ask_concern_detail': {
    sms: 'Cuéntenos en pocas palabras qué le pasa.',
  },
  'wellness.reprompt_concern_detail': {
    sms: 'Por favor, díganos en pocas palabras qué le molesta, por ejemplo "me duele la rodilla".',
  },
  'wellness.ask_severity': {
    sms: '¿Qué tan fuerte es? Responda 1 Leve, 2 Moderado, 3 Grave.',
  },
  'wellness.reprompt_severity': {
    sms: 'Responda 1 si es leve, 2 si es moderado o 3 si es grave.',
  },
  'wellness.ask_trend': {
    sms: '¿Es algo nuevo, está peor que antes o está igual que siempre? Responda 1 Nuevo, 2 Peor, 3 Igual.',
  },
  'wellness.reprompt_trend': {
    sms: 'Responda 1 si es nuevo, 2 si está peor que antes o 3 si está igual que siempre.',
  },
  'wellness.close_concern': {
    sms: 'Gracias, {firstName}. Su equipo de atención en {practiceName} va a revisar esto. Si se siente peor, llámenos al {practicePhone}. En una emergencia, llame al 911.',
  },
  'wellness.close_urgent': {
    sms: 'Gracias por avisarnos, {firstName}. Una enfermera de {practiceName} le va a llamar pronto. Si es una emergencia, llame al 911 ahora.',
  },

  'medication.opening': {
    sms: 'Hola {firstName}, le saluda {practiceName}. ¿Pudo tomar hoy su {medicationName} {medicationDose}? Responda 1 para sí o 2 para no. Responda STOP para no recibir más mensajes.',
  },
  'medication.reprompt_taken': {
    sms: 'Perdone, no le entendimos. ¿Pudo tomar hoy su {medicationName}? Responda 1 para sí o 2 para no.',
  },
  'medication.close_taken': {
    sms: '¡Muy bien, gracias {firstName}! Siga así.',
  },
  'medication.ask_reason': {
    sms: 'Gracias por decirnos. ¿Cuál fue el motivo? Responda 1 Se me olvidó, 2 Efectos secundarios, 3 Se me acabó o necesito más, 4 Otra razón.',
  },
  'medication.reprompt_reason': {
    sms: 'Responda con un número del 1 al 4, por ejemplo 1 si se le olvidó.',
  },
  'medication.close_forgot': {
    sms: 'Gracias, {firstName}. Si no sabe qué hacer con la dosis olvidada, llámenos al {practicePhone}. Su equipo de atención se va a comunicar con usted.',
  },
  'medication.ask_side_effects': {
    sms: 'Lamentamos oír eso. ¿Qué efectos secundarios tiene? Cuéntenos en pocas palabras.',
  },
  'medication.reprompt_side_effects': {
    sms: 'Cuéntenos en pocas palabras qué molestias le causa la medicina, por ejemplo "dolor de estómago" o "mareo".',
  },
  'medication.close_side_effects': {
    sms: 'Gracias, {firstName}. Su equipo de atención en {practiceName} va a revisar esto y le va a llamar. Si se siente peor, llame al {practicePhone}. En una emergencia, llame al 911.',
  },
  'medication.close_ran_out': {
    sms: 'Gracias, {firstName}. Su equipo de atención le va a ayudar a conseguir más {medicationName}. También puede llamarnos al {practicePhone}.',
  },
  'medication.ask_other_reason': {
    sms: 'Cuéntenos en pocas palabras el motivo.',
  },
  'medication.reprompt_other_reason': {
    sms: 'Por favor, díganos en pocas palabras el motivo, por ejemplo "estaba fuera de casa".',
  },
  'medication.close_other': {
    sms: 'Gracias, {firstName}. Su equipo de atención va a revisar esto. Si tiene preguntas, llámenos al {practicePhone}.',
  },

  'symptoms.opening': {
    sms: 'Hola {firstName}, le saluda {practiceName}. ¿Cuál es su presión arterial hoy? Envíe los dos números, por ejemplo 130/80, o responda SALTAR si no puede medirla. Responda STOP para no recibir más mensajes.',
  },
  'symptoms.reprompt_bp': {
    sms: 'Envíe su presión arterial como dos números, por ejemplo 130/80. O responda SALTAR.',
  },
  'symptoms.bp_implausible': {
    sms: 'Eso no parece una lectura. Envíe los dos números, por ejemplo 130/80.',
  },
  'symptoms.close_bp_crisis': {
    sms: '{firstName}, esa lectura está muy alta. Si tiene dolor de pecho, le falta el aire, un dolor de cabeza fuerte o debilidad, llame al 911 ahora. Si no, llámenos ahora al {practicePhone}. Estamos avisando a su equipo de atención.',
  },
  'symptoms.ask_pain': {
    sms: 'Del 0 al 10, ¿cuánto dolor tiene hoy? 0 es nada de dolor y 10 es el peor dolor.',
  },
  'symptoms.reprompt_pain': {
    sms: 'Envíe un solo número del 0 al 10, por ejemplo 3. 0 es nada de dolor y 10 es el peor.',
  },
  'symptoms.pain_out_of_range': {
    sms: 'Envíe un solo número del 0 al 10.',
  },
  'symptoms.ask_trend': {
    sms: 'Comparado con la semana pasada, ¿cómo se siente? Responda 1 Mejor, 2 Más o menos igual, 3 Peor.',
  },
  'symptoms.reprompt_trend': {
    sms: 'Responda 1 si se siente mejor, 2 si está más o menos igual o 3 si está peor.',
  },
  'symptoms.close': {
    sms: '¡Gracias, {firstName}! Su equipo de atención en {practiceName} va a revisar sus respuestas. Si nos necesita, llame al {practicePhone}.',
  },

  'system.opt_out_confirmation': {
    sms: 'Ya no va a recibir más mensajes de {practiceName}. Si quiere volver a recibirlos, responda START. En una emergencia, llame al 911.',
  },
  'system.opt_in_confirmation': {
    sms: 'Hola de nuevo, {firstName}. Va a volver a recibir mensajes de {practiceName}. Responda STOP para no recibir más mensajes.',
  },
  'system.help': {
    sms: 'Equipo de atención de {practiceName}: llame al {practicePhone}. En una emergencia, llame al 911. Responda STOP para no recibir más mensajes.',
  },
  'system.red_flag': {
    sms: '{firstName}, lo que nos cuenta puede ser una emergencia. Llame al 911 ahora o llámenos al {practicePhone}. Estamos avisando a su equipo de atención.',
  },
  'system.red_flag_self_harm': {
    sms: '{firstName}, nos preocupa usted. Por favor llame o envíe un mensaje al 988 ahora para hablar con alguien, o llame al 911. Estamos avisando a su equipo de atención.',
  },
  'system.unknown_sender': {
    sms: 'This is {practiceName}. We could not match this number. Please call {practicePhone}. / Le escribe {practiceName}. No reconocemos este número. Por favor llame al {practicePhone}.',
  },
  'system.acknowledgement': {
    sms: 'Gracias, {firstName}. Su equipo de atención en {practiceName} va a ver su mensaje. Si es una emergencia, llame al 911.',
  },
};
