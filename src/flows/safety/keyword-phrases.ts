/**
 * Opt-out, opt-in and help vocabulary. Keep it in sync with the carrier
 * rules (CTIA / FCC, see DOMAIN.md): the single-word keywords are the
 * required ones; the free-text phrases are the opt-outs the carrier does not
 * catch for us. Phrase syntax: src/flows/text/phrase-pattern.ts.
 */

/** The carrier's opt-out keywords (CTIA / FCC): the whole message opts out, even asked as a question ("STOP?"). */
export const CARRIER_OPT_OUT_KEYWORDS: readonly string[] = [
  'stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout', 'opt out',
  'parar', 'alto', 'baja', 'cancelar', 'darme de baja', 'dar de baja',
];

/** Keywords (plain words, not patterns) that opt out when they make up the message or a sentence ("STOP", "stop please"). */
export const OPT_OUT_KEYWORDS: readonly string[] = [
  ...CARRIER_OPT_OUT_KEYWORDS,
  // Not carrier keywords, but as a whole statement they can only mean "stop texting me" (asked, they are questions).
  'not interested', 'im not interested', 'i am not interested', 'no interesado', 'no interesada', 'no me interesa', 'wrong number', 'numero equivocado',
];

/**
 * Keywords that opt out only as the whole message ("No more", "Basta"): as one sentence among others they
 * may be about anything, the pills ("the white ones. gone. no more. need the paper") or a pain ("Basta. Me duele").
 */
export const WHOLE_MESSAGE_OPT_OUT_KEYWORDS: readonly string[] = ['basta', 'ya basta', 'no more'];

/** Keywords that opt back in; the runtime only honours them for opted-out patients. */
export const OPT_IN_KEYWORDS: readonly string[] = [
  'start', 'unstop', 'yes', 'start again', 'restart', 'resume', 'subscribe', 'si', 'comenzar', 'iniciar', 'reanudar',
];

export const HELP_KEYWORDS: readonly string[] = ['help', 'info', 'information', 'ayuda', 'informacion', 'help me', 'necesito ayuda'];

/** Politeness and noise allowed around a keyword ("STOP please", "Stop now!!", "BAJA por favor"). */
export const KEYWORD_FILLER: readonly string[] = [
  'please', 'pls', 'plz', 'now', 'thanks', 'thank', 'you', 'thx', 'ty', 'ok', 'okay', 'it', 'this', 'asap', 'already',
  'por', 'favor', 'gracias', 'ya', 'ahora',
];

/** Free-text opt-outs, matched anywhere in the message unless negated ("don't stop texting me"). */
export const OPT_OUT_PHRASES: readonly string[] = [
  // English
  '(stop|quit) (text*|txt*|messag*|msg*|contact*|calling|call me|bugging|bother*|spam*|harass*)',
  'quit (send*|sending) (me|us)? (these|the|this|your|any|all)? (text*|messag*|msg*|sms)',
  '(remove|delete|take|erase) my (number|phone|phone number|cell|info|information)',
  'stop (send*|sending) (me|us)? (these|the|this|your|any|all|all these)? (text*|messag*|msg*|sms|reminders|alerts)',
  'stop (these|the|this|your|all|all these|all the) (text*|messag*|msg*|sms|reminders|alerts)',
  // Bare "stop sending" unless it goes on about something else ("stop sending my refills to CVS").
  'stop sending (me|us)? (these|this|them|it|anything|any more|anymore)? !my|to|the|a|an|his|her|our|prescript*|refill*|medicine*|med*|pill*|records',
  '(remove|delete|unenroll|unsubscribe) (me|us) !from|off|out|of|to|for',
  'no more (text*|messag*|msg*|sms|reminders|alerts|calls)',
  // "Don't text me after 9" is a quiet-hours wish, not an opt-out.
  '(dont|do not|never) (text*|messag*|contact*|sms) (me|us|this number|this phone|this cell|my number|my phone|my cell) (anymore|any more|again|ever)? !after|before|at|until|on|in|during|today|tonight|tomorrow|between|so|too|early|late|this|when|while|past',
  '(dont|do not|never) send (me|us)? (any more|anymore|more|any)? (text*|messag*|msg*|sms) (anymore|any more|again|ever)? !after|before|at|until|on|in|during|today|tonight|tomorrow|between|so|too|early|late|this|when|while|past',
  '(dont|do not) call (me|us)? (anymore|any more|again|ever)',
  '(take|remove|delete|drop|get|unenroll|unenrol|erase) (me|us|my number) (off|from|out) ... (list|text*|messag*|program|service|system|subscription|database)',
  'unsubscrib*',
  'opt (me|us)? out',
  '(cancel|end) (my|the|this|these|your)? (subscription|text*|messag*|program|service|enrollment|sms)',
  '(dont|do not|no longer) want (to get|to receive)? (these|this|your|any|the|more|any more|anymore)? (text*|messag*|msg*|sms|reminders)',
  '(dont|do not|no longer) want to be (texted|contacted|messaged)',
  'leave me alone',
  // Spanish
  '(ya)? no (me)? (manden|mande|mandes|envien|envie|envies|escriban|escriba|escribas|contacten|contacte|molesten|moleste) (mas)? (mensajes|textos|sms)? (mas)? !despues|antes|en|hoy|manana|temprano|tarde|de|durante|los|el|la|a|entre|cuando',
  '(dejen|deje|dejes|dejar|paren|pare|para|parar) de (mandar*|enviar*|escribir*|molestar*|textear*|contactar*)',
  'no (quiero|deseo) ... (mensaj*|texto*|sms)',
  'no mas (mensaj*|texto*|sms)',
  '(darme|dar|darse|doy|den) de baja',
  '(borrenme|sacenme|quitenme|eliminenme|borren|saquen|quiten|eliminen|borrarme|sacarme|quitarme|eliminarme) (me)? de (la|su|esta|sus)? (lista|programa|servicio)',
  'cancelar (la|mi|el)? (suscripcion|servicio|programa|mensajes)',
];
