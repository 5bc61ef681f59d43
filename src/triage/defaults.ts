/**
 * The rules every practice starts with, from the article behind the product
 * (seed/ccm-automation-article.txt) and DOMAIN.md. A practice replaces them
 * with its own set (PUT /practices/:id/triage-rules); these stay the fallback.
 */
import { RuleSetSchema, type RuleSetInput, type VersionedRuleSet } from './rules.js';

/** Bumped whenever a default below changes, so evaluations say which defaults they used. */
export const DEFAULT_RULES_VERSION = 'default-9';

export const DEFAULT_RULE_SET_INPUT: RuleSetInput = {
  rules: [
    // Urgent: a coordinator is called at once, whatever the hour.
    { id: 'red_flag', kind: 'red_flag', level: 'urgent', description: 'A red-flag phrase: chest pain, trouble breathing, stroke signs, ...' },
    { id: 'severe_symptom', kind: 'severe_symptom', level: 'urgent', description: 'A concern the patient rates severe' },
    { id: 'bp_crisis', kind: 'blood_pressure_at_or_above', level: 'urgent', systolic: 180, diastolic: 120 },
    // Low enough to faint or to mean a bleed, a body running dry or a heart failing ("mi maquina dice 58/34").
    { id: 'bp_very_low', kind: 'blood_pressure_below', level: 'urgent', systolic: 80 },
    { id: 'pain_severe_worse', kind: 'pain_at_or_above', level: 'urgent', score: 8, onlyWhenNewOrWorse: true },
    { id: 'missed_doses', kind: 'missed_doses', level: 'urgent', atLeast: 3, withinDays: 7 },
    { id: 'distress', kind: 'distress', level: 'urgent', description: '"Help me", "auxilio": possible distress' },
    { id: 'glucose_low', kind: 'glucose_below', level: 'urgent', mgdl: 70 },
    { id: 'low_sugar_symptoms', kind: 'concern_reported', level: 'urgent', categories: ['glucose_low'], description: 'Shaky and sweaty, "my sugar is low"' },
    {
      id: 'high_sugar_danger',
      kind: 'concern_reported',
      level: 'urgent',
      categories: ['glucose_high_danger'],
      description: 'A high sugar with vomiting, an odd or fruity breath, or a foggy head: possible DKA',
    },
    {
      id: 'fluids_lost',
      kind: 'concern_reported',
      level: 'urgent',
      categories: ['fluids_lost_danger'],
      description: 'Vomiting with not even water kept down, or no urine for most of a day: running dry',
    },
    {
      id: 'wound_danger',
      kind: 'concern_reported',
      level: 'urgent',
      categories: ['wound_infection_danger'],
      description: 'A wound that smells, drains pus, turns black or spreads, with a fever or chills: a spreading infection',
    },
    {
      id: 'blood_lost',
      kind: 'concern_reported',
      level: 'urgent',
      categories: ['blood_lost_danger'],
      description: 'A bleed with dizziness, wooziness or fainting: blood lost faster than the body keeps up',
    },
    { id: 'oxygen_low', kind: 'oxygen_below', level: 'urgent', percent: 90 },
    { id: 'pulse_abnormal', kind: 'pulse_outside', level: 'urgent', below: 50, above: 120 },
    // Elevated: a coordinator reviews within the practice's review time (48 h by default).
    { id: 'message_for_team', kind: 'message_for_team', level: 'elevated', description: 'A text that came with no check-in open' },
    { id: 'bp_high', kind: 'blood_pressure_at_or_above', level: 'elevated', systolic: 160, diastolic: 100 },
    { id: 'bp_low', kind: 'blood_pressure_below', level: 'elevated', systolic: 90 },
    { id: 'bp_rising', kind: 'blood_pressure_rising', level: 'elevated', readings: 3, minRise: 10 },
    { id: 'pain_high', kind: 'pain_at_or_above', level: 'elevated', score: 8 },
    { id: 'symptoms_worse', kind: 'symptoms_worse', level: 'elevated' },
    { id: 'new_or_worse_concern', kind: 'new_or_worse_concern', level: 'elevated' },
    { id: 'missed_dose', kind: 'missed_doses', level: 'elevated', atLeast: 1, atMost: 2, withinDays: 7 },
    { id: 'side_effects', kind: 'side_effects', level: 'elevated' },
    { id: 'refill_needed', kind: 'refill', level: 'elevated' },
    {
      id: 'concern_reported',
      kind: 'concern_reported',
      level: 'elevated',
      categories: ['fall', 'swelling', 'weight_gain', 'dizziness', 'glucose_high', 'breathing', 'pain', 'side_effects', 'mood', 'fever', 'vomiting', 'bleeding'],
      description: 'A concern read in a text: a fall (even "I am ok now"), swelling, dizziness, ...',
    },
    // A call-back is promised by the next business day: its review is due within a day.
    { id: 'callback', kind: 'request', level: 'elevated', kinds: ['callback'], reviewHours: 24, description: '"Can you call me", "necesito hablar con la enfermera"' },
    { id: 'request', kind: 'request', level: 'elevated', kinds: ['appointment', 'refill'], description: 'An appointment or a refill' },
    { id: 'unanswered', kind: 'unanswered', level: 'elevated', description: 'A check-in closed with no usable answer: someone follows up' },
    { id: 'glucose_high', kind: 'glucose_above', level: 'elevated', mgdl: 300 },
    { id: 'fever', kind: 'temperature_at_or_above', level: 'elevated', fahrenheit: 100.4 },
    { id: 'weight_gain_hf', kind: 'weight_gain', level: 'elevated', poundsInDay: 3, poundsInWeek: 5 },
    {
      id: 'depression_screen',
      kind: 'depression_screen',
      level: 'elevated',
      phq2AtLeast: 3,
      phq9AtLeast: 10,
      description: 'The week-2 form: a PHQ-9 of 10 or more (moderate), or a PHQ-2 of 3 or more left without its PHQ-9',
    },
  ],
};

export const DEFAULT_RULE_SET: VersionedRuleSet = { ...RuleSetSchema.parse(DEFAULT_RULE_SET_INPUT), version: DEFAULT_RULES_VERSION };
