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
import { bilingual } from './bilingual.js';
import { invitationEs } from './invitation.js';
import type { PromptCatalog } from './en.js';

export const es: PromptCatalog = {
  'common.no_usable_answer': {
    sms: 'Disculpe, no entendimos sus respuestas. Alguien de su equipo médico se va a comunicar con usted. También nos puede llamar al {practicePhone}.',
    voice: 'Disculpe, no entendimos sus respuestas. Alguien de su equipo médico se va a comunicar con usted. También nos puede llamar al {practicePhone}.',
    promise: true,
  },

  'wellness.opening': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. ¿Cómo se siente hoy? Responda 1 si se siente bien o 2 si algo le preocupa. Responda STOP para no recibir más mensajes.',
    voice: '¿Cómo se siente hoy? Si se siente bien, oprima 1. Si algo le preocupa, oprima 2.',
  },
  'wellness.reprompt_feeling': {
    sms: 'Disculpe, no le entendimos. Responda 1 si se siente bien o 2 si algo le preocupa.',
    voice: 'Disculpe, no le entendimos. ¿Cómo se siente hoy? Si se siente bien, oprima 1. Si algo le preocupa, oprima 2.',
  },
  'wellness.close_well': {
    sms: '¡Gracias, {firstName}! Nos da gusto que se sienta bien. Que tenga un buen día.',
    voice: '¡Gracias, {firstName}! Nos da gusto que se sienta bien. Que tenga un buen día.',
  },
  'wellness.ask_concern': {
    sms: 'Lo sentimos mucho. ¿Qué es lo que más le preocupa? Responda 1 Dolor, 2 Falta de aire o tos, 3 Mareo o debilidad, 4 Hinchazón, 5 Problema con sus medicinas, 6 Otra cosa. O díganos en pocas palabras.',
    voice: 'Lo sentimos. ¿Qué tiene? Para dolor, oprima 1. Para tos o falta de aire, oprima 2. Para mareo o debilidad, oprima 3. Para hinchazón, oprima 4. Para medicinas, oprima 5. Para otra cosa, oprima 6.',
  },
  'wellness.reprompt_concern': {
    sms: 'Por favor, responda con un número del 1 al 6. Por ejemplo, 1 si es dolor. O díganos en pocas palabras qué le preocupa.',
    voice: 'Por favor, díganos en pocas palabras qué le preocupa. También puede oprimir un número del 1 al 6. Por ejemplo, si es dolor, oprima 1.',
  },
  'wellness.ask_concern_detail': {
    sms: 'Por favor, cuéntenos en pocas palabras qué le pasa.',
    voice: 'Por favor, cuéntenos en pocas palabras qué le pasa.',
  },
  'wellness.reprompt_concern_detail': {
    sms: 'Por favor, díganos en pocas palabras qué le molesta. Por ejemplo: "me duele la rodilla".',
    voice: '¿Qué le molesta? Por ejemplo: me duele la rodilla. Por favor, díganos en pocas palabras.',
  },
  'wellness.ask_severity': {
    sms: '¿Qué tan fuerte es? Responda 1 Leve, 2 Regular, 3 Muy fuerte.',
    voice: '¿Qué tan fuerte es? Si es leve, oprima 1. Si es regular, oprima 2. Si es muy fuerte, oprima 3.',
  },
  'wellness.reprompt_severity': {
    sms: 'Por favor, responda 1 si es leve, 2 si es regular o 3 si es muy fuerte.',
    voice: 'Disculpe, no le entendimos. ¿Qué tan fuerte es? Si es leve, oprima 1. Si es regular, oprima 2. Si es muy fuerte, oprima 3.',
  },
  'wellness.ask_trend': {
    sms: '¿Esto es nuevo, está peor que antes o sigue igual que siempre? Responda 1 Nuevo, 2 Peor, 3 Igual.',
    voice: '¿Esto es nuevo, está peor que antes o sigue igual que siempre? Si es nuevo, oprima 1. Si está peor, oprima 2. Si sigue igual que siempre, oprima 3.',
  },
  'wellness.reprompt_trend': {
    sms: 'Por favor, responda 1 si es nuevo, 2 si está peor que antes o 3 si sigue igual que siempre.',
    voice: '¿Esto es nuevo, está peor o sigue igual? Si es nuevo, oprima 1. Si está peor que antes, oprima 2. Si sigue igual que siempre, oprima 3.',
  },
  'wellness.close_concern': {
    sms: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a revisar lo que nos dijo. Si se siente peor, llámenos al {practicePhone}. Si es una emergencia, llame al 911.',
    voice: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a revisar lo que nos dijo. Si se siente peor, llámenos al {practicePhone}. Si es una emergencia, llame al 911.',
    promise: true,
  },
  'wellness.close_urgent': {
    sms: 'Gracias por avisarnos, {firstName}. Una enfermera de {practiceName} le va a llamar pronto. Si es una emergencia, llame al 911 ahora.',
    voice: 'Gracias por avisarnos, {firstName}. Una enfermera de {practiceName} le va a llamar pronto. Si es una emergencia, llame al 911 ahora.',
    promise: true,
  },

  'medication.opening': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. ¿Pudo tomar hoy su {medicationName} {medicationDose}? Responda 1 Sí, 2 No. Responda STOP para no recibir más mensajes.',
    voice: '¿Pudo tomar hoy su {medicationName} {medicationDose}? Si ya se la tomó, oprima 1. Si no, oprima 2.',
  },
  'medication.reprompt_taken': {
    sms: 'Disculpe, no le entendimos. ¿Pudo tomar hoy su {medicationName}? Responda 1 Sí, 2 No.',
    voice: 'Disculpe, no le entendimos. ¿Pudo tomar hoy su {medicationName}? Si ya se la tomó, oprima 1. Si no, oprima 2.',
  },
  'medication.close_taken': {
    sms: '¡Muy bien, {firstName}, gracias! Siga así.',
    voice: '¡Muy bien, {firstName}, gracias! Siga así.',
  },
  'medication.ask_reason': {
    sms: 'Gracias por decirnos. ¿Por qué no pudo tomarla? Responda 1 Se me olvidó, 2 Me cae mal, 3 Se me acabó o necesito más, 4 Otra razón.',
    voice: 'Gracias. ¿Por qué no pudo tomarla? Si se le olvidó, oprima 1. Si le cae mal, oprima 2. Si se le acabó o necesita más, oprima 3. Si es por otra razón, oprima 4.',
  },
  'medication.reprompt_reason': {
    sms: 'Por favor, responda con un número del 1 al 4. Por ejemplo, 1 si se le olvidó.',
    voice: '¿Por qué no pudo tomarla? Si se le olvidó, oprima 1. Si le cae mal, oprima 2. Si se le acabó o necesita más, oprima 3. Si es por otra razón, oprima 4.',
  },
  'medication.close_forgot': {
    sms: 'Gracias, {firstName}. Si no sabe qué hacer cuando se le olvida una dosis, llámenos al {practicePhone}. Su equipo médico se va a comunicar con usted.',
    voice: 'Gracias, {firstName}. Si no sabe qué hacer cuando se le olvida una dosis, llámenos al {practicePhone}. Su equipo médico se va a comunicar con usted.',
    promise: true,
  },
  'medication.ask_side_effects': {
    sms: 'Lo sentimos mucho. ¿Qué molestias le causa la medicina? Cuéntenos en pocas palabras.',
    voice: 'Lo sentimos mucho. ¿Qué molestias le causa la medicina? Por favor, cuéntenos en pocas palabras.',
  },
  'medication.reprompt_side_effects': {
    sms: 'Por favor, díganos en pocas palabras qué siente con la medicina. Por ejemplo: "me duele el estómago" o "me mareo".',
    voice: '¿Qué siente con la medicina? Por ejemplo: me duele el estómago, o me mareo. Por favor, díganos en pocas palabras.',
  },
  'medication.close_side_effects': {
    sms: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a revisar esto y le va a llamar. Si se siente peor, llame al {practicePhone}. Si es una emergencia, llame al 911.',
    voice: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a revisar esto y le va a llamar. Si se siente peor, llame al {practicePhone}. Si es una emergencia, llame al 911.',
    promise: true,
  },
  'medication.close_ran_out': {
    sms: 'Gracias, {firstName}. Su equipo médico le va a ayudar a conseguir más {medicationName}. También nos puede llamar al {practicePhone}.',
    voice: 'Gracias, {firstName}. Su equipo médico le va a ayudar a conseguir más {medicationName}. También nos puede llamar al {practicePhone}.',
    promise: true,
  },
  'medication.ask_other_reason': {
    sms: 'Por favor, díganos en pocas palabras por qué no pudo tomarla.',
    voice: '¿Por qué no pudo tomarla? Por favor, díganos en pocas palabras.',
  },
  'medication.reprompt_other_reason': {
    sms: 'Por favor, díganos en pocas palabras por qué no pudo tomarla. Por ejemplo: "no estaba en casa".',
    voice: '¿Por qué no pudo tomarla? Por ejemplo: no estaba en casa. Por favor, díganos en pocas palabras.',
  },
  'medication.close_other': {
    sms: 'Gracias, {firstName}. Su equipo médico va a revisar esto. Si tiene preguntas, llámenos al {practicePhone}.',
    voice: 'Gracias, {firstName}. Su equipo médico va a revisar esto. Si tiene preguntas, llámenos al {practicePhone}.',
    promise: true,
  },

  'reminder.opening': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. Ya es hora de su {medicationName} {medicationDose}. Responda 1 cuando la haya tomado, o 2 si no la puede tomar. Responda STOP para no recibir más mensajes.',
    voice: 'Ya es hora de su {medicationName} {medicationDose}. Cuando se la haya tomado, oprima 1. Si no se la puede tomar, oprima 2.',
  },
  'reminder.reprompt': {
    sms: 'Por favor responda 1 cuando haya tomado su {medicationName}, o 2 si no la puede tomar.',
    voice: 'Ya es hora de su {medicationName}. Cuando se la haya tomado, oprima 1. Si no se la puede tomar, oprima 2.',
  },
  'reminder.close_taken': {
    sms: '¡Gracias, {firstName}!',
    voice: '¡Gracias, {firstName}!',
  },
  'reminder.opening_several': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. Ya es hora de sus {medicationCount} medicinas. Responda 1 cuando se las haya tomado todas, o 2 si no se las puede tomar. Responda STOP para no recibir más mensajes.',
    voice: 'Ya es hora de sus {medicationCount} medicinas. Cuando se las haya tomado todas, oprima 1. Si no se las puede tomar, oprima 2.',
  },
  'reminder.opening_named': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. Ya es hora de sus {medicationCount} medicinas: {medicationList}. Responda 1 cuando se las haya tomado todas, o 2 si no se las puede tomar. Responda STOP para no recibir más mensajes.',
    voice: 'Ya es hora de sus {medicationCount} medicinas. Cuando se las haya tomado todas, oprima 1. Si no se las puede tomar, oprima 2.',
  },
  'reminder.reprompt_several': {
    sms: 'Por favor responda 1 cuando se haya tomado sus {medicationCount} medicinas, o 2 si no se las puede tomar. Si solo se tomó algunas, díganos cuáles.',
    voice: 'Ya es hora de sus {medicationCount} medicinas. Cuando se las haya tomado todas, oprima 1. Si no se las puede tomar, oprima 2.',
  },
  'reminder.ask_rest': {
    sms: 'Gracias. ¿Ya se tomó también el resto de sus medicinas? Responda 1 Sí, 2 No.',
    voice: 'Gracias. ¿Ya se tomó también el resto de sus medicinas? Si ya se las tomó, oprima 1. Si no, oprima 2.',
  },
  'reminder.ask_rest_named': {
    sms: 'Gracias. ¿Ya se tomó también su {otherMedications}? Responda 1 Sí, 2 No.',
    voice: 'Gracias. ¿Ya se tomó también su {otherMedications}? Si ya se lo tomó, oprima 1. Si no, oprima 2.',
  },
  'reminder.reprompt_rest': {
    sms: 'Por favor responda 1 si ya se tomó el resto de sus medicinas, o 2 si no.',
    voice: '¿Ya se tomó el resto de sus medicinas? Si ya se las tomó, oprima 1. Si no, oprima 2.',
  },

  'refill.opening': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. Su {medicationName} se le acaba el {refillDate}. ¿Ya tiene la receta surtida? Responda 1 Sí, 2 No. Responda STOP para no recibir más mensajes.',
    voice: 'Su {medicationName} se le acaba el {refillDate}. ¿Ya tiene la receta surtida? Si ya la tiene, oprima 1. Si no, oprima 2.',
  },
  'refill.reprompt': {
    sms: '¿Ya tiene surtida la receta de su {medicationName}? Responda 1 Sí, 2 No.',
    voice: 'Disculpe, no le entendimos. ¿Ya tiene surtida la receta de su {medicationName}? Si ya la tiene, oprima 1. Si no, oprima 2.',
  },
  'refill.close_yes': {
    sms: 'Qué bueno. ¡Gracias, {firstName}!',
    voice: 'Qué bueno. ¡Gracias, {firstName}!',
  },
  'refill.close_no': {
    sms: 'Gracias, {firstName}. Su equipo médico le va a ayudar a conseguir su medicina. También puede llamarnos al {practicePhone}.',
    voice: 'Gracias, {firstName}. Su equipo médico le va a ayudar a conseguir su medicina. También puede llamarnos al {practicePhone}.',
    promise: true,
  },

  'symptoms.opening': {
    sms: 'Hola, {firstName}. Le escribimos de {practiceName}. ¿Cuánto tiene de presión hoy? Escriba los dos números, por ejemplo 130/80. Si no se la puede tomar, responda SALTAR. Responda STOP para no recibir más mensajes.',
    voice: 'Diga su presión, por ejemplo ciento treinta sobre ochenta. O marque el número de arriba y la tecla de gato. Si hoy no puede tomársela, diga saltar.',
  },
  'symptoms.reprompt_bp': {
    sms: 'Por favor, escriba los dos números de su presión, por ejemplo 130/80. O responda SALTAR.',
    voice: 'Por favor diga su presión, por ejemplo ciento treinta sobre ochenta. O marque el número de arriba y luego la tecla de gato. Si no se la puede tomar hoy, diga saltar.',
  },
  'symptoms.bp_implausible': {
    sms: 'Parece que hay un error en los números. Por favor, escriba los dos números de su presión, por ejemplo 130/80.',
    voice: 'Parece que hay un error en los números. Por favor diga su presión, por ejemplo ciento treinta sobre ochenta. O marque el número de arriba y luego la tecla de gato.',
  },
  'symptoms.close_bp_crisis': {
    sms: '{firstName}, su presión está muy alta. Si tiene dolor de pecho, falta de aire, dolor de cabeza fuerte o debilidad, llame al 911 ahora. Si no, llámenos ahora mismo al {practicePhone}. Ya estamos avisando a su equipo médico.',
    voice: 'Su presión está muy alta. Si tiene dolor de pecho, falta de aire, dolor de cabeza fuerte o debilidad, llame al 911 ahora. Si no, llámenos ya al {practicePhone}. Estamos avisando a su equipo.',
    promise: true,
  },
  'symptoms.ask_pain': {
    sms: 'Del 0 al 10, ¿cuánto dolor tiene hoy? 0 es nada de dolor y 10 es el peor dolor.',
    voice: '¿Cuánto dolor tiene hoy? 0 es nada de dolor y 10 es el peor dolor. Diga un número del 0 al 10, o márquelo en el teclado y luego la tecla de gato.',
  },
  'symptoms.reprompt_pain': {
    sms: 'Por favor, escriba un solo número del 0 al 10, por ejemplo 3. 0 es nada de dolor y 10 es el peor.',
    voice: 'Disculpe, no le entendimos. ¿Cuánto dolor tiene? Diga un número del 0 al 10, o márquelo en el teclado y luego la tecla de gato.',
  },
  'symptoms.pain_out_of_range': {
    sms: 'Por favor, escriba un solo número del 0 al 10.',
    voice: 'Disculpe, el número tiene que ser del 0 al 10. Diga un número del 0 al 10, o márquelo en el teclado y luego la tecla de gato.',
  },
  'symptoms.ask_trend': {
    sms: '¿Cómo se siente comparado con la semana pasada? Responda 1 Mejor, 2 Más o menos igual, 3 Peor.',
    voice: 'Comparado con la semana pasada, ¿cómo se siente? Si se siente mejor, oprima 1. Si sigue más o menos igual, oprima 2. Si se siente peor, oprima 3.',
  },
  'symptoms.reprompt_trend': {
    sms: 'Por favor, responda 1 si se siente mejor, 2 si sigue más o menos igual o 3 si se siente peor.',
    voice: 'Disculpe, no le entendimos. Comparado con la semana pasada, ¿cómo se siente? Si se siente mejor, oprima 1. Si sigue más o menos igual, oprima 2. Si se siente peor, oprima 3.',
  },
  'symptoms.close': {
    sms: '¡Gracias, {firstName}! Sus respuestas ya quedaron en su expediente de {practiceName}. Si nos necesita, llame al {practicePhone}.',
    voice: '¡Gracias, {firstName}! Sus respuestas ya quedaron en su expediente de {practiceName}. Si nos necesita, llame al {practicePhone}.',
  },

  'system.opt_out_confirmation': {
    sms: 'Ya no va a recibir mensajes de {practiceName}. Si quiere recibirlos otra vez, responda START. Si tiene una emergencia, llame al 911.',
    voice: 'Ya no va a recibir llamadas de seguimiento de {practiceName}. Si quiere recibirlas otra vez, dígaselo a su equipo médico. Si tiene una emergencia, llame al 911.',
  },
  'system.opt_in_confirmation': {
    sms: '¡Hola de nuevo, {firstName}! Va a volver a recibir mensajes de {practiceName}. Responda STOP para no recibir más mensajes.',
    voice: '¡Hola de nuevo, {firstName}! Va a volver a recibir llamadas de seguimiento de {practiceName}.',
  },
  'system.help': {
    sms: 'Para hablar con su equipo médico de {practiceName}, llame al {practicePhone}. Si tiene una emergencia, llame al 911. Responda STOP para no recibir más mensajes.',
    voice: 'Le habla su equipo médico de {practiceName}. Para hablar con nosotros, llame al {practicePhone}. Si tiene una emergencia, llame al 911.',
  },
  'system.red_flag': {
    sms: '{firstName}, lo que nos dice puede ser una emergencia. Llame al 911 ahora o llámenos al {practicePhone}. Ya estamos avisando a su equipo médico.',
    voice: '{firstName}, lo que nos dijo puede ser una emergencia. Llame al 911 ahora o llámenos al {practicePhone}. Ya estamos avisando a su equipo médico.',
    promise: true,
  },
  'system.red_flag_self_harm': {
    sms: '{firstName}, estamos preocupados por usted. Por favor, llame o mande un mensaje de texto al 988 ahora mismo para hablar con alguien, o llame al 911. Ya estamos avisando a su equipo médico.',
    voice: '{firstName}, estamos preocupados por usted. Por favor, llame ahora mismo al 988 para hablar con alguien, o llame al 911. Ya estamos avisando a su equipo médico.',
    promise: true,
  },
  'system.acknowledgement': {
    sms: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a leer su mensaje. Si es una emergencia, llame al 911.',
    voice: 'Gracias, {firstName}. Su equipo médico de {practiceName} va a recibir su mensaje. Si es una emergencia, llame al 911.',
    promise: true,
  },
  'questionnaire.invite': {
    sms: 'Hola {firstName}, {practiceName} tiene unas preguntas sobre su salud este mes. Son unos 5 minutos: {link} Responda STOP para no recibir más mensajes.',
    voice: '{practiceName} tiene unas preguntas sobre su salud este mes. Le vamos a mandar un enlace por mensaje de texto para contestarlas.',
  },
  'questionnaire.reminder': {
    sms: 'Hola {firstName}, su equipo médico de {practiceName} todavía espera sus respuestas de este mes: {link} ¿Preguntas? Llame al {practicePhone}.',
    voice: 'Su equipo médico todavía espera sus respuestas a las preguntas de este mes. Le mandamos un enlace por mensaje de texto.',
  },
  'system.front_desk': {
    sms: 'Gracias, {firstName}. Pasamos su mensaje a la recepción de {practiceName}; le van a responder en horario de oficina. Para cualquier cosa de su salud, responda aquí o llame al {practicePhone}.',
    voice: 'Gracias, {firstName}. Pasamos su mensaje a la recepción; le van a responder en horario de oficina.',
    promise: true,
  },
  'system.message_kept': {
    sms: 'Gracias, {firstName}. Guardamos su mensaje en su expediente de {practiceName}. Si necesita algo, responda con su pregunta o llame al {practicePhone}.',
    voice: 'Gracias, {firstName}. Guardamos su mensaje en su expediente.',
  },
  'system.reading_recorded': {
    sms: 'Gracias, {firstName}. Anotamos su medida en su expediente de {practiceName}.',
    voice: 'Gracias, {firstName}. Anotamos su medida en su expediente.',
  },
  'system.concern_noted': {
    sms: 'Gracias por contarnos, {firstName}. Su equipo médico de {practiceName} va a revisar lo que nos escribió. Si se siente peor, llame al {practicePhone}.',
    voice: 'Gracias por contarnos, {firstName}. Su equipo médico de {practiceName} va a revisar lo que nos dijo. Si se siente peor, llame al {practicePhone}.',
    promise: true,
  },
  // {when}: "hoy", "a más tardar mañana", "a más tardar el jueves".
  'system.callback_arranged': {
    sms: 'Gracias, {firstName}. Una enfermera de {practiceName} le va a llamar {when}. Si no puede esperar, llame al {practicePhone}. En una emergencia, llame al 911.',
    voice: 'Gracias, {firstName}. Una enfermera de {practiceName} le va a llamar {when}. Si no puede esperar, llame al {practicePhone}. En una emergencia, llame al 911.',
    promise: true,
  },
  'system.request_noted': {
    sms: 'Gracias, {firstName}. Le pasamos su pedido a su equipo médico de {practiceName}. Se van a comunicar con usted. También puede llamar al {practicePhone}.',
    voice: 'Gracias, {firstName}. Le pasamos su pedido a su equipo médico de {practiceName}. Se van a comunicar con usted. También puede llamar al {practicePhone}.',
    promise: true,
  },
  'system.low_sugar': {
    sms: '{firstName}, el azúcar baja puede ser peligrosa. Si puede tragar, tome jugo o algo dulce ahora, como le enseñó su equipo médico. Si se siente confundido o a punto de desmayarse, llame al 911. Ya le estamos avisando a una enfermera.',
    voice: '{firstName}, el azúcar baja es peligrosa. Si puede tragar, tome jugo o algo dulce ahora, como le enseñaron. Si se siente confundido o a punto de desmayarse, llame al 911. Estamos avisando a una enfermera.',
    promise: true,
    practiceEditable: true,
  },
  'system.urgent_reading': {
    sms: '{firstName}, lo que nos mandó necesita que lo vea una enfermera hoy. Ya le estamos avisando a una enfermera de {practiceName}. Si se siente peor, llame al 911.',
    voice: '{firstName}, lo que nos dijo necesita que lo vea una enfermera hoy. Ya le estamos avisando a una enfermera de {practiceName}. Si se siente peor, llame al 911.',
    promise: true,
  },
  'system.distress': {
    sms: '{firstName}, ¿está bien? Si es una emergencia, llame al 911 ahora. Ya le estamos avisando a una enfermera de {practiceName}.',
    voice: '{firstName}, ¿está bien? Si es una emergencia, llame al 911 ahora. Ya le estamos avisando a una enfermera de {practiceName}.',
    promise: true,
  },
  'system.who_we_are': {
    sms: 'Le escribe el equipo médico de {practiceName}. Los mensajes de seguimiento son automáticos; una enfermera lee lo que usted escriba que lo necesite. ¿Preguntas? Llame al {practicePhone}. Responda STOP para no recibir más mensajes.',
    voice: 'Le habla el equipo médico de {practiceName}. Le llamamos para ver cómo sigue de salud entre consultas. Si tiene preguntas, llame al {practicePhone}.',
  },
  'system.already_answered': {
    sms: 'Disculpe que le volvimos a preguntar, {firstName}. No tiene que contestar este mensaje. ¡Gracias!',
    voice: 'Disculpe por preguntarle otra vez, {firstName}. No tiene que contestar esta pregunta. ¡Gracias!',
  },
  // An enrolment campaign's texts and calls to candidates.
  ...invitationEs,
  ...bilingual,
};
