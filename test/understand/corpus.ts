/**
 * Labelled corpus of patient / caregiver SMS replies for the message-understanding tests.
 *
 * This corpus was written from the care categories in the product's domain notes
 * (what a chronic-care nurse needs to hear about), NOT from the implementation:
 * nothing under src/ was read while writing it, so it is an independent check.
 *
 * `level` is the expected minimum triage level for a concerning text:
 *   - 'urgent'   : red flags (chest pain, can't breathe, stroke signs, fainting,
 *                  suicidal thoughts, severe bleeding, seizure, overdose), glucose
 *                  below 70 or with shaky/sweaty/confused symptoms, oxygen below 90%,
 *                  pulse below 50 or above 120, hopelessness with intent.
 *   - 'elevated' : the nurse should see it, but it is not an emergency (falls,
 *                  swelling, weight gain, dizziness, glucose above 300, breathing
 *                  trouble on exertion, new pain, side effects, low mood, fever,
 *                  vomiting, call-back / appointment / refill requests).
 * BENIGN texts need no nurse action at all (greetings, thanks, "fine" answers,
 * adherence confirmations, low pain scores, normal readings, negations, small talk).
 *
 * Texts are deliberately messy: typos, missing punctuation and accents,
 * voice-to-text run-ons, caregivers writing about a parent, emoji.
 */

export type ExpectedLevel = 'urgent' | 'elevated';

export interface ConcerningText {
  text: string;
  lang: 'en' | 'es';
  level: ExpectedLevel;
  category: string;
}

export interface BenignText {
  text: string;
  lang: 'en' | 'es';
}

export type ConcernCategory =
  | 'fall'
  | 'swelling'
  | 'weight_gain'
  | 'dizziness'
  | 'glucose_low'
  | 'glucose_high'
  | 'breathing'
  | 'pain'
  | 'side_effects'
  | 'mood'
  | 'fever'
  | 'vomiting'
  | 'oxygen_low'
  | 'pulse'
  | 'callback'
  | 'appointment'
  | 'refill'
  | 'red_flag';

const concerning: readonly (ConcerningText & { category: ConcernCategory })[] = [
  // ───────────────────────────── English ─────────────────────────────

  // fall
  { text: "my mom fell last night in the bathroom. she says shes ok but her hip is sore", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "Yes I took it. I fell yesterday going out to get the mail but im ok now", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "fell out of bed this morning got myself up no harm done i think", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "I had a fall on Sunday", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "Dad slipped on the porch steps and landed on his knee, he wont let me take him to the doctor", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "took a tumble in the kitchen bruised my arm pretty good", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "yes took all my meds I did fall tuesday night when I got up to use the restroom and couldnt get up for a while", lang: 'en', level: 'elevated', category: 'fall' },
  { text: "lost my balance and went down in the garden 😕 im fine just shook up", lang: 'en', level: 'elevated', category: 'fall' },

  // swelling
  { text: "Yes I took it. But my feet are very swollen today", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "my ankles are sweling up like balloons", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "legs more swollen than usual cant get my shoes on", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "I took my water pill but the swelling in my feet isnt going down", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "moms legs are puffy and when you press on them it leaves a dent", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "2 but my ankles been swollen since saturday", lang: 'en', level: 'elevated', category: 'swelling' },
  { text: "my feet swole up again 🦶🦶", lang: 'en', level: 'elevated', category: 'swelling' },

  // weight_gain
  { text: "gained 4 pounds since yesterday", lang: 'en', level: 'elevated', category: 'weight_gain' },
  { text: "weight this morning 192 yesterday it was 188", lang: 'en', level: 'elevated', category: 'weight_gain' },
  { text: "up 6 lbs this week and my pants are tight", lang: 'en', level: 'elevated', category: 'weight_gain' },
  { text: "Scale says I put on 3 pounds overnight is that bad?", lang: 'en', level: 'elevated', category: 'weight_gain' },
  { text: "my husbands weight went up 5 lb since last Monday", lang: 'en', level: 'elevated', category: 'weight_gain' },
  { text: "weighed myself 214.6 thats about 4 more than yesterday", lang: 'en', level: 'elevated', category: 'weight_gain' },

  // dizziness
  { text: "yes I took it this morning but I have been real dizzy when I stand up and I almost fell", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "feeling dizy today", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "room spinning when i turn my head", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "Light headed all afternoon", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "mom says she feels woozy and off balance", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "Dizzy again this morning had to sit down on the stairs", lang: 'en', level: 'elevated', category: 'dizziness' },
  { text: "3 on the pain but I get dizzy every time I get up from my chair", lang: 'en', level: 'elevated', category: 'dizziness' },

  // glucose_low (urgent)
  { text: "sugar was 52", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "my blood sugar is 61 and im shaky", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "shaky and sweaty dont feel right", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "dads sugar 48 hes confused and not making sense", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "bs 64 drinking juice now", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "I feel shaky and sweaty like my sugar is dropping meter says 58", lang: 'en', level: 'urgent', category: 'glucose_low' },
  { text: "woke up all sweaty and shaking, sugar was in the 50s", lang: 'en', level: 'urgent', category: 'glucose_low' },

  // glucose_high (elevated)
  { text: "1 but my sugar was 320", lang: 'en', level: 'elevated', category: 'glucose_high' },
  { text: "blood sugar 350 this morning", lang: 'en', level: 'elevated', category: 'glucose_high' },
  { text: "my sugar has been over 300 all week", lang: 'en', level: 'elevated', category: 'glucose_high' },
  { text: "glucose reading 412 after lunch", lang: 'en', level: 'elevated', category: 'glucose_high' },
  { text: "sugar 338 and I'm very thirsty", lang: 'en', level: 'elevated', category: 'glucose_high' },
  { text: "Moms sugar was 365 before dinner even with her insulin", lang: 'en', level: 'elevated', category: 'glucose_high' },

  // breathing (on exertion — elevated)
  { text: "getting short of breath walking to the mailbox", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "I get winded going up the stairs now, didnt used to", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "cant catch my breath when i make the bed", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "yes I took them breathing harder than usual when I walk around the house", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "have to stop and rest to get my breath walking to the car", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "my wife gets out of breath just getting dressed lately", lang: 'en', level: 'elevated', category: 'breathing' },
  { text: "short of breath laying flat, sleeping on 3 pillows now", lang: 'en', level: 'elevated', category: 'breathing' },

  // pain
  { text: "8 my back is killing me", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "new pain in my right knee since yesterday hurts to walk", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "having a bad headache that wont go away", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "stomach been hurting since saturday", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "My mother has pain in her left foot and it's red and warm", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "7. my shoulder hurts real bad", lang: 'en', level: 'elevated', category: 'pain' },
  { text: "it burns when I pee", lang: 'en', level: 'elevated', category: 'pain' },

  // side_effects
  { text: "the new pill is making me itchy all over", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "I been coughing ever since they started me on lisinopril", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "metformin giving me diarrhea every day", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "yes I took it but it makes me sick to my stomach every time", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "my legs cramp at night since the new cholesterol medicine", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "got a rash on my arms after starting the antibiotic", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "bruising real easy since they upped my blood thinner", lang: 'en', level: 'elevated', category: 'side_effects' },
  { text: "that new medicine has me so tired I can barely stay awake", lang: 'en', level: 'elevated', category: 'side_effects' },

  // mood
  { text: "been feeling really down lately", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "whats the point of all these pills anyway", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "I dont feel like doing anything anymore just sit in the dark all day", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "lonely since my wife passed cant sleep", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "Mom has been crying a lot and not eating much", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "I feel hopeless about my health", lang: 'en', level: 'elevated', category: 'mood' },
  { text: "I don't want to be here anymore", lang: 'en', level: 'urgent', category: 'mood' },
  { text: "sometimes i think everyone would be better off without me", lang: 'en', level: 'urgent', category: 'mood' },

  // fever
  { text: "had a fever for 3 days now", lang: 'en', level: 'elevated', category: 'fever' },
  { text: "temp 101.2 since monday", lang: 'en', level: 'elevated', category: 'fever' },
  { text: "running a fever and chills last night and today", lang: 'en', level: 'elevated', category: 'fever' },
  { text: "my dad has had a temperature of 100.8 off and on since friday", lang: 'en', level: 'elevated', category: 'fever' },
  { text: "yes took it. still feverish 2nd day", lang: 'en', level: 'elevated', category: 'fever' },
  { text: "fever wont break even with tylenol", lang: 'en', level: 'elevated', category: 'fever' },

  // vomiting
  { text: "been throwing up since last night cant keep my pills down", lang: 'en', level: 'elevated', category: 'vomiting' },
  { text: "vomited after breakfast and again after lunch", lang: 'en', level: 'elevated', category: 'vomiting' },
  { text: "cant keep anything down not even water", lang: 'en', level: 'elevated', category: 'vomiting' },
  { text: "threw up my morning meds", lang: 'en', level: 'elevated', category: 'vomiting' },
  { text: "mom has been vomitting all day", lang: 'en', level: 'elevated', category: 'vomiting' },
  { text: "No I didnt take them today I keep throwing up", lang: 'en', level: 'elevated', category: 'vomiting' },

  // oxygen_low (urgent)
  { text: "oxygen 87%", lang: 'en', level: 'urgent', category: 'oxygen_low' },
  { text: "my O2 is reading 85 on the finger thing", lang: 'en', level: 'urgent', category: 'oxygen_low' },
  { text: "pulse ox says 88", lang: 'en', level: 'urgent', category: 'oxygen_low' },
  { text: "sats keep dropping to 86-89 even with my oxygen on", lang: 'en', level: 'urgent', category: 'oxygen_low' },
  { text: "dads oxygen level is 84 and he looks pale", lang: 'en', level: 'urgent', category: 'oxygen_low' },
  { text: "O2 sat 89% this morning", lang: 'en', level: 'urgent', category: 'oxygen_low' },

  // pulse (urgent)
  { text: "pulse 132", lang: 'en', level: 'urgent', category: 'pulse' },
  { text: "heart rate was 44 on my bp machine", lang: 'en', level: 'urgent', category: 'pulse' },
  { text: "my pulse is 128 and I'm just sitting down", lang: 'en', level: 'urgent', category: 'pulse' },
  { text: "bp 138/84 pulse 46", lang: 'en', level: 'urgent', category: 'pulse' },
  { text: "heart racing, my watch says 140", lang: 'en', level: 'urgent', category: 'pulse' },
  { text: "moms heart rate keeps showing 38 on her cuff", lang: 'en', level: 'urgent', category: 'pulse' },

  // callback
  { text: "can the nurse call me please", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "Please call me when you get a chance", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "I need to talk to somebody about my medicine", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "This is her daughter can someone call me about my moms meds", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "call me", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "Need to speak to the nurse today", lang: 'en', level: 'elevated', category: 'callback' },
  { text: "can u have Dr Patels nurse give me a ring", lang: 'en', level: 'elevated', category: 'callback' },

  // appointment
  { text: "I need to reschedule my appointment on Thursday", lang: 'en', level: 'elevated', category: 'appointment' },
  { text: "when is my next appointment", lang: 'en', level: 'elevated', category: 'appointment' },
  { text: "can I get in to see the doctor this week", lang: 'en', level: 'elevated', category: 'appointment' },
  { text: "I missed my appointment yesterday can I make a new one", lang: 'en', level: 'elevated', category: 'appointment' },
  { text: "do I need to fast for my blood work appointment?", lang: 'en', level: 'elevated', category: 'appointment' },
  { text: "need a ride to my appt friday do yall help with that", lang: 'en', level: 'elevated', category: 'appointment' },

  // refill
  { text: "I'm out of my lasix", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "only 2 pills left of my metoprolol", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "need a refill on my insulin", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "pharmacy says my refill needs doctor approval", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "ran out of my blood pressure pills 3 days ago", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "can you send my prescription to the walgreens on main st", lang: 'en', level: 'elevated', category: 'refill' },
  { text: "moms inhaler is empty and she has no refills left", lang: 'en', level: 'elevated', category: 'refill' },

  // red_flag (urgent)
  { text: "chest pain since this morning", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "I can't breathe", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "my husbands face is drooping on one side and hes talking funny", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "mom passed out in the kitchen", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "I want to kill myself", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "cut my leg and it wont stop bleeding soaked 3 towels", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "dad is having a seizure", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "I think I took too many of my pills", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "pressure in my chest going down my left arm", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "sudden weakness in my right arm and cant talk right", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "I fainted at church this morning", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "gave myself 40 units of insulin instead of 4", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "cant breath help", lang: 'en', level: 'urgent', category: 'red_flag' },
  { text: "been thinking about ending it all", lang: 'en', level: 'urgent', category: 'red_flag' },

  // ───────────────────────────── Español ─────────────────────────────

  // fall
  { text: "mi mama se cayo anoche", lang: 'es', level: 'elevated', category: 'fall' },
  { text: "si me la tome pero me cai ayer en el baño, ya estoy bien", lang: 'es', level: 'elevated', category: 'fall' },
  { text: "me caí saliendo de la iglesia y me raspe la rodilla", lang: 'es', level: 'elevated', category: 'fall' },
  { text: "mi esposo se resbalo en la cocina y le duele la cadera", lang: 'es', level: 'elevated', category: 'fall' },
  { text: "me cai de la cama en la madrugada 😔", lang: 'es', level: 'elevated', category: 'fall' },

  // swelling
  { text: "tengo los pies muy hinchados", lang: 'es', level: 'elevated', category: 'swelling' },
  { text: "se me hincharon los tobillos otra vez", lang: 'es', level: 'elevated', category: 'swelling' },
  { text: "las piernas hinchadas y no me quedan los zapatos", lang: 'es', level: 'elevated', category: 'swelling' },
  { text: "si ya me tome la pastilla del agua pero sigo con los pies inchados", lang: 'es', level: 'elevated', category: 'swelling' },
  { text: "mi papa tiene las piernas bien hinchadas desde el sabado", lang: 'es', level: 'elevated', category: 'swelling' },

  // weight_gain
  { text: "subi 3 libras de ayer a hoy", lang: 'es', level: 'elevated', category: 'weight_gain' },
  { text: "ayer pesaba 165 y hoy 169", lang: 'es', level: 'elevated', category: 'weight_gain' },
  { text: "he subido como 5 libras esta semana", lang: 'es', level: 'elevated', category: 'weight_gain' },
  { text: "la bascula dice que aumente 4 libras desde el domingo", lang: 'es', level: 'elevated', category: 'weight_gain' },

  // dizziness
  { text: "estoy mareada", lang: 'es', level: 'elevated', category: 'dizziness' },
  { text: "me siento mariado cuando me levanto", lang: 'es', level: 'elevated', category: 'dizziness' },
  { text: "todo me da vueltas desde la mañana", lang: 'es', level: 'elevated', category: 'dizziness' },
  { text: "si me tome la medicina pero ando con mareos todo el dia", lang: 'es', level: 'elevated', category: 'dizziness' },
  { text: "mi mama dice que se siente mareada y debil", lang: 'es', level: 'elevated', category: 'dizziness' },

  // glucose_low (urgent)
  { text: "azucar en 55", lang: 'es', level: 'urgent', category: 'glucose_low' },
  { text: "tengo el azucar bajita 62 y estoy temblando", lang: 'es', level: 'urgent', category: 'glucose_low' },
  { text: "estoy sudando y temblando creo que se me bajo el azucar", lang: 'es', level: 'urgent', category: 'glucose_low' },
  { text: "mi papa tiene la azucar en 45 y esta confundido", lang: 'es', level: 'urgent', category: 'glucose_low' },
  { text: "me salio la glucosa 58 ya me tome un jugo", lang: 'es', level: 'urgent', category: 'glucose_low' },

  // glucose_high (elevated)
  { text: "azúcar 350", lang: 'es', level: 'elevated', category: 'glucose_high' },
  { text: "1 pero el azucar me salio en 320", lang: 'es', level: 'elevated', category: 'glucose_high' },
  { text: "la glucosa me ha salido arriba de 300 toda la semana", lang: 'es', level: 'elevated', category: 'glucose_high' },
  { text: "mi azucar esta en 410 y tengo mucha sed", lang: 'es', level: 'elevated', category: 'glucose_high' },

  // breathing (on exertion — elevated)
  { text: "me falta el aire cuando camino", lang: 'es', level: 'elevated', category: 'breathing' },
  { text: "me canso mucho al subir las escaleras, me ahogo", lang: 'es', level: 'elevated', category: 'breathing' },
  { text: "me agito nomas de caminar a la cocina", lang: 'es', level: 'elevated', category: 'breathing' },
  { text: "mi esposa se queda sin aire cuando se baña", lang: 'es', level: 'elevated', category: 'breathing' },

  // pain
  { text: "me duele mucho la espalda", lang: 'es', level: 'elevated', category: 'pain' },
  { text: "8 me duele la rodilla", lang: 'es', level: 'elevated', category: 'pain' },
  { text: "tengo un dolor de cabeza que no se me quita", lang: 'es', level: 'elevated', category: 'pain' },
  { text: "desde ayer me duele el estomago", lang: 'es', level: 'elevated', category: 'pain' },
  { text: "me empezo un dolor nuevo en la cadera", lang: 'es', level: 'elevated', category: 'pain' },

  // side_effects
  { text: "la pastilla nueva me da diarrea", lang: 'es', level: 'elevated', category: 'side_effects' },
  { text: "desde que tomo la medicina nueva tengo mucha comezon", lang: 'es', level: 'elevated', category: 'side_effects' },
  { text: "el lisinopril me da mucha tos", lang: 'es', level: 'elevated', category: 'side_effects' },
  { text: "me salieron ronchas con el antibiotico", lang: 'es', level: 'elevated', category: 'side_effects' },
  { text: "la metformina me cae mal al estomago", lang: 'es', level: 'elevated', category: 'side_effects' },

  // mood
  { text: "me siento muy triste y sola", lang: 'es', level: 'elevated', category: 'mood' },
  { text: "no tengo ganas de nada", lang: 'es', level: 'elevated', category: 'mood' },
  { text: "ya no le encuentro sentido a nada", lang: 'es', level: 'elevated', category: 'mood' },
  { text: "mi mama llora mucho y no quiere comer", lang: 'es', level: 'elevated', category: 'mood' },
  { text: "estoy muy deprimido desde que murio mi esposa", lang: 'es', level: 'elevated', category: 'mood' },
  { text: "a veces pienso que mi familia estaria mejor sin mi", lang: 'es', level: 'urgent', category: 'mood' },

  // fever
  { text: "fiebre de 101 desde el lunes", lang: 'es', level: 'elevated', category: 'fever' },
  { text: "tengo calentura desde hace 3 dias", lang: 'es', level: 'elevated', category: 'fever' },
  { text: "mi papa tiene fiebre y escalofrios", lang: 'es', level: 'elevated', category: 'fever' },
  { text: "sigo con fiebre, 100.9 esta mañana", lang: 'es', level: 'elevated', category: 'fever' },

  // vomiting
  { text: "estoy vomitando y no puedo tomar las pastillas", lang: 'es', level: 'elevated', category: 'vomiting' },
  { text: "vomite todo lo que comi", lang: 'es', level: 'elevated', category: 'vomiting' },
  { text: "no retengo nada ni el agua", lang: 'es', level: 'elevated', category: 'vomiting' },
  { text: "mi mama ha estado vomitando desde anoche", lang: 'es', level: 'elevated', category: 'vomiting' },

  // oxygen_low (urgent)
  { text: "oxigeno en 86", lang: 'es', level: 'urgent', category: 'oxygen_low' },
  { text: "el oximetro marca 88", lang: 'es', level: 'urgent', category: 'oxygen_low' },
  { text: "mi oxigenacion esta en 85 por ciento", lang: 'es', level: 'urgent', category: 'oxygen_low' },
  { text: "el oxigeno de mi papa salio 87 y esta muy cansado", lang: 'es', level: 'urgent', category: 'oxygen_low' },

  // pulse (urgent)
  { text: "pulso 130", lang: 'es', level: 'urgent', category: 'pulse' },
  { text: "el pulso me salio en 42", lang: 'es', level: 'urgent', category: 'pulse' },
  { text: "siento el corazon muy acelerado, 135 en el aparato", lang: 'es', level: 'urgent', category: 'pulse' },
  { text: "presion 130/80 pulso 46", lang: 'es', level: 'urgent', category: 'pulse' },

  // callback
  { text: "necesito hablar con la enfermera", lang: 'es', level: 'elevated', category: 'callback' },
  { text: "me puede llamar por favor", lang: 'es', level: 'elevated', category: 'callback' },
  { text: "llameme cuando pueda", lang: 'es', level: 'elevated', category: 'callback' },
  { text: "soy la hija de la señora Lopez quiero que me llamen", lang: 'es', level: 'elevated', category: 'callback' },
  { text: "quisiera que alguien me explique mis medicinas, me pueden marcar?", lang: 'es', level: 'elevated', category: 'callback' },

  // appointment
  { text: "necesito cambiar mi cita", lang: 'es', level: 'elevated', category: 'appointment' },
  { text: "cuando es mi proxima cita?", lang: 'es', level: 'elevated', category: 'appointment' },
  { text: "puedo hacer una cita con el doctor esta semana", lang: 'es', level: 'elevated', category: 'appointment' },
  { text: "no pude ir a mi cita ayer, me dan otra?", lang: 'es', level: 'elevated', category: 'appointment' },

  // refill
  { text: "se me acabo la metformina", lang: 'es', level: 'elevated', category: 'refill' },
  { text: "ya no tengo pastillas de la presion", lang: 'es', level: 'elevated', category: 'refill' },
  { text: "necesito que me surtan la receta de la insulina", lang: 'es', level: 'elevated', category: 'refill' },
  { text: "me quedan 2 pastillas nomas del furosemide", lang: 'es', level: 'elevated', category: 'refill' },
  { text: "la farmacia dice que necesitan autorizacion del doctor para mi receta", lang: 'es', level: 'elevated', category: 'refill' },

  // red_flag (urgent)
  { text: "tengo dolor en el pecho", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "no puedo respirar", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "a mi esposo se le torcio la boca y no puede hablar bien", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "mi mama se desmayo", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "ya no quiero vivir", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "me quiero morir voy a tomarme todas las pastillas", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "mi papa esta convulsionando", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "me tome muchas pastillas por error", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "me corte la mano y no para de sangrar", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "se me durmio medio cuerpo de repente", lang: 'es', level: 'urgent', category: 'red_flag' },
  { text: "siento un apreton en el pecho y me sudo frio", lang: 'es', level: 'urgent', category: 'red_flag' },
];

export const CONCERNING: readonly ConcerningText[] = concerning;

export const BENIGN: readonly BenignText[] = [
  // ───────────────────────────── English ─────────────────────────────
  { text: "1", lang: 'en' },
  { text: "2", lang: 'en' },
  { text: "0", lang: 'en' },
  { text: "3", lang: 'en' },
  { text: "yes", lang: 'en' },
  { text: "Yes I did", lang: 'en' },
  { text: "ok", lang: 'en' },
  { text: "OK thanks", lang: 'en' },
  { text: "took it", lang: 'en' },
  { text: "took it this morning", lang: 'en' },
  { text: "yes I took all my pills", lang: 'en' },
  { text: "feeling good today", lang: 'en' },
  { text: "all good here", lang: 'en' },
  { text: "thank you!", lang: 'en' },
  { text: "thanks so much", lang: 'en' },
  { text: "👍", lang: 'en' },
  { text: "😊", lang: 'en' },
  { text: "no pain today", lang: 'en' },
  { text: "no chest pain", lang: 'en' },
  { text: "no falls this week", lang: 'en' },
  { text: "sugar was 110 this morning", lang: 'en' },
  { text: "oxygen 97%", lang: 'en' },
  { text: "pulse 72", lang: 'en' },
  { text: "128/82", lang: 'en' },
  { text: "bp 122/76 pulse 68", lang: 'en' },
  { text: "weighed 176 same as yesterday", lang: 'en' },
  { text: "my granddaughter visited", lang: 'en' },
  { text: "going to church", lang: 'en' },
  { text: "doing fine", lang: 'en' },
  { text: "good morning", lang: 'en' },
  { text: "Good morning! Doing well", lang: 'en' },
  { text: "yep", lang: 'en' },
  { text: "yes maam", lang: 'en' },
  { text: "no swelling", lang: 'en' },
  { text: "feet look normal today", lang: 'en' },
  { text: "no dizziness", lang: 'en' },
  { text: "breathing fine", lang: 'en' },
  { text: "slept good last night", lang: 'en' },
  { text: "had a nice walk around the block", lang: 'en' },
  { text: "mom is doing great today, took all her meds", lang: 'en' },
  { text: "Dad took his pills with breakfast", lang: 'en' },
  { text: "yes took my water pill", lang: 'en' },
  { text: "all meds taken", lang: 'en' },
  { text: "fine thank you", lang: 'en' },
  { text: "I'm doing alright", lang: 'en' },
  { text: "sugar 98 fasting", lang: 'en' },
  { text: "blood sugar 132 after supper", lang: 'en' },
  { text: "o2 95", lang: 'en' },
  { text: "heart rate 64", lang: 'en' },
  { text: "weight 201.4", lang: 'en' },
  { text: "temp 98.6", lang: 'en' },
  { text: "no fever", lang: 'en' },
  { text: "no problems", lang: 'en' },
  { text: "nothing new", lang: 'en' },
  { text: "same as always doing ok", lang: 'en' },
  { text: "everything is fine", lang: 'en' },
  { text: "yes thank you dear", lang: 'en' },
  { text: "God bless you", lang: 'en' },
  { text: "have a blessed day", lang: 'en' },
  { text: "thanks for checking on me", lang: 'en' },
  { text: "I appreciate yall", lang: 'en' },
  { text: "watching the game with my son", lang: 'en' },
  { text: "its raining here but im good", lang: 'en' },
  { text: "went to the senior center for bingo", lang: 'en' },
  { text: "my grandson got married saturday beautiful wedding", lang: 'en' },
  { text: "just got back from the store", lang: 'en' },
  { text: "the new pill is working fine no problems", lang: 'en' },
  { text: "walking every day like the doctor said", lang: 'en' },
  { text: "ate a good breakfast", lang: 'en' },
  { text: "drinking my water like you said", lang: 'en' },
  { text: "I'm good, how are you?", lang: 'en' },
  { text: "👍👍", lang: 'en' },
  { text: "❤️", lang: 'en' },
  { text: "yes ma'am took it at 8", lang: 'en' },
  { text: "Took it at 8am with my oatmeal", lang: 'en' },
  { text: "no", lang: 'en' },
  { text: "nope all good", lang: 'en' },
  { text: "no issues", lang: 'en' },
  { text: "none", lang: 'en' },
  { text: "no shortness of breath", lang: 'en' },
  { text: "not dizzy at all", lang: 'en' },
  { text: "no vomiting", lang: 'en' },
  { text: "haven't fallen", lang: 'en' },
  { text: "I didnt fall", lang: 'en' },
  { text: "ankles are fine", lang: 'en' },
  { text: "no weight change", lang: 'en' },
  { text: "weight down a pound", lang: 'en' },
  { text: "sugar was good 104", lang: 'en' },
  { text: "pressure good 118/70", lang: 'en' },
  { text: "feeling much better", lang: 'en' },
  { text: "had my coffee and took my pills", lang: 'en' },
  { text: "Thank you nurse", lang: 'en' },
  { text: "you too!", lang: 'en' },
  { text: "OK will do", lang: 'en' },
  { text: "got it", lang: 'en' },
  { text: "Sounds good", lang: 'en' },
  { text: "Yes I'm here", lang: 'en' },
  { text: "doing fine just a little bored lol", lang: 'en' },
  { text: "happy thanksgiving", lang: 'en' },
  { text: "merry christmas to you all 🎄", lang: 'en' },
  { text: "the weather is beautiful today", lang: 'en' },
  { text: "my daughter is taking me to lunch", lang: 'en' },
  { text: "Im at the beauty shop, took my pills before I left", lang: 'en' },
  { text: "feeling pretty good for 82", lang: 'en' },
  { text: "mom says hi and shes fine", lang: 'en' },
  { text: "yes we checked her sugar its 126", lang: 'en' },
  { text: "pain is a 1 today", lang: 'en' },
  { text: "zero pain", lang: 'en' },
  { text: "no pain no complaints", lang: 'en' },
  { text: "legs feel good today", lang: 'en' },
  { text: "slept through the night no trouble breathing", lang: 'en' },
  { text: "BP 134/80", lang: 'en' },
  { text: "pulse ox 96 pulse 70", lang: 'en' },
  { text: "yes I took it this morning and I feel fine no dizziness no nothing just puttering around the house", lang: 'en' },
  { text: "Yes. Thank you for the reminder", lang: 'en' },
  { text: "made a pot of soup for the week", lang: 'en' },

  // ───────────────────────────── Español ─────────────────────────────
  { text: "si", lang: 'es' },
  { text: "sí", lang: 'es' },
  { text: "si ya me la tome", lang: 'es' },
  { text: "ya me tome mis pastillas", lang: 'es' },
  { text: "bien gracias", lang: 'es' },
  { text: "muy bien gracias a Dios", lang: 'es' },
  { text: "gracias!", lang: 'es' },
  { text: "ok gracias", lang: 'es' },
  { text: "nada me duele", lang: 'es' },
  { text: "sin mareos", lang: 'es' },
  { text: "no me he caido", lang: 'es' },
  { text: "no tengo dolor", lang: 'es' },
  { text: "todo bien", lang: 'es' },
  { text: "todo bien por aqui", lang: 'es' },
  { text: "buenos dias", lang: 'es' },
  { text: "buenas tardes, estoy bien", lang: 'es' },
  { text: "el azucar salio 112", lang: 'es' },
  { text: "azucar 98 en ayunas", lang: 'es' },
  { text: "oxigeno 96", lang: 'es' },
  { text: "pulso 74", lang: 'es' },
  { text: "presion 124/78", lang: 'es' },
  { text: "peso 160 igual que ayer", lang: 'es' },
  { text: "no tengo hinchazon", lang: 'es' },
  { text: "los pies estan bien hoy", lang: 'es' },
  { text: "respiro bien", lang: 'es' },
  { text: "no tengo fiebre", lang: 'es' },
  { text: "dormi bien", lang: 'es' },
  { text: "fui a misa con mi hija", lang: 'es' },
  { text: "vino mi nieta a visitarme", lang: 'es' },
  { text: "estamos haciendo tamales", lang: 'es' },
  { text: "mi mama esta bien, ya se tomo su medicina", lang: 'es' },
  { text: "mi papa ya se tomo las pastillas con el desayuno", lang: 'es' },
  { text: "si señorita", lang: 'es' },
  { text: "gracias por preguntar", lang: 'es' },
  { text: "Dios la bendiga", lang: 'es' },
  { text: "que tenga buen dia", lang: 'es' },
  { text: "🙏", lang: 'es' },
  { text: "aqui andamos, bien", lang: 'es' },
  { text: "me siento mejor", lang: 'es' },
  { text: "todo normal", lang: 'es' },
  { text: "ninguno", lang: 'es' },
  { text: "nada nuevo", lang: 'es' },
  { text: "ya comí y me tome la medicina", lang: 'es' },
  { text: "sali a caminar un rato", lang: 'es' },
  { text: "estoy viendo la novela", lang: 'es' },
  { text: "hace mucho calor pero estoy bien", lang: 'es' },
  { text: "ya me puse la insulina", lang: 'es' },
  { text: "me tome la pastilla del agua", lang: 'es' },
  { text: "no he tenido mareos esta semana", lang: 'es' },
  { text: "no me falta el aire", lang: 'es' },
  { text: "sin dolor de pecho", lang: 'es' },
  { text: "no he vomitado", lang: 'es' },
  { text: "el azucar anda bien, 130", lang: 'es' },
  { text: "feliz navidad", lang: 'es' },
  { text: "gracias mija", lang: 'es' },
  { text: "entendido", lang: 'es' },
  { text: "si claro", lang: 'es' },
  { text: "estoy bien y usted?", lang: 'es' },
  { text: "mi nieto se graduo ayer, estoy muy contenta", lang: 'es' },
  { text: "fui al mercado con mi hija", lang: 'es' },
  { text: "el dolor es 1", lang: 'es' },
  { text: "dolor 2 nada mas", lang: 'es' },
  { text: "hoy no me duele nada", lang: 'es' },
  { text: "no me he sentido mareada", lang: 'es' },
  { text: "las piernas estan normales", lang: 'es' },
  { text: "pese lo mismo que ayer", lang: 'es' },
  { text: "baje una libra", lang: 'es' },
  { text: "la presion salio bien 120/80", lang: 'es' },
  { text: "ya me tome todo", lang: 'es' },
  { text: "si, todas", lang: 'es' },
  { text: "la tome a las 8", lang: 'es' },
  { text: "me la tome con el cafecito", lang: 'es' },
  { text: "estamos bien gracias a Dios", lang: 'es' },
  { text: "jugando loteria con la familia", lang: 'es' },
  { text: "regando mis plantas", lang: 'es' },
  { text: "gracias por el mensaje", lang: 'es' },
  { text: "muy amable", lang: 'es' },
  { text: "bendiciones", lang: 'es' },
  { text: "temperatura 98.4", lang: 'es' },
  { text: "no he tenido fiebre", lang: 'es' },
  { text: "si me tome la pastilla en la mañana y me siento bien gracias a Dios no me duele nada", lang: 'es' },
  { text: "buenas noches ya me voy a dormir, todo bien", lang: 'es' },
  { text: "mi hijo me llevo a comer, estoy contenta 😊", lang: 'es' },
  { text: "no se me han hinchado los pies", lang: 'es' },
  { text: "oxigeno 98 y pulso 70", lang: 'es' },
  { text: "claro que si, ya me las tome", lang: 'es' },
  { text: "ando bien, gracias por acordarse de mi", lang: 'es' },
  { text: "hoy fue un buen dia", lang: 'es' },
];
