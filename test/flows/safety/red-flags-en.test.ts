import { describe, expect, it } from 'vitest';
import { EN_RED_FLAGS, ES_RED_FLAGS, RED_FLAG_CATEGORIES, detectRedFlag } from '../../../src/flows/safety/red-flags.js';
import type { RedFlagCategory } from '../../../src/flows/safety/red-flags.js';
import { compilePattern } from '../../../src/flows/text/phrase-pattern.js';

const cases: readonly (readonly [string, RedFlagCategory])[] = [
  // chest pain
  ['chest pain', 'chest_pain'], ['CHEST PAIN!!!', 'chest_pain'], ['my chest hurts', 'chest_pain'],
  ['chest pressure', 'chest_pain'], ['tightness in my chest', 'chest_pain'], ['pain in my chest', 'chest_pain'],
  ['chest feels tight', 'chest_pain'], ['pressure in chest', 'chest_pain'], ["I'm having chest pains", 'chest_pain'],
  ['my chest has been hurting since last night', 'chest_pain'], ['feels like an elephant sitting on my chest', 'chest_pain'],
  ['I think I am having a heart attack', 'chest_pain'], ['crushing feeling in my chest', 'chest_pain'],
  ['pain radiating to my left arm and chest', 'chest_pain'],
  ['chest pian', 'chest_pain'], ['chestpain', 'chest_pain'], ['chset pain', 'chest_pain'], ['chest painn', 'chest_pain'],
  ['chest pain is gone', 'chest_pain'], ["I'm not sure if it's chest pain", 'chest_pain'], ['no I have chest pain', 'chest_pain'],
  // breathing
  ["can't breathe", 'breathing'], ['cannot breathe', 'breathing'], ['I can not breathe', 'breathing'],
  ['trouble breathing', 'breathing'], ['hard to breathe', 'breathing'], ['short of breath', 'breathing'],
  ['shortness of breath', 'breathing'], ['gasping for air', 'breathing'], ['cant breath', 'breathing'],
  ['cant breth', 'breathing'], ['shortnes of breath', 'breathing'], ['I can hardly breathe', 'breathing'],
  ["I'm struggling to breathe", 'breathing'], ['having a hard time breathing', 'breathing'],
  ["can't catch my breath", 'breathing'], ["I can't get enough air", 'breathing'], ['I feel like I am suffocating', 'breathing'],
  ['my breathing is really bad', 'breathing'], ['my lips are turning blue', 'breathing'], ['no, I can’t breathe', 'breathing'],
  ['No chest pain, but I can’t breathe', 'breathing'], ['I am choking', 'breathing'], ['out of breath just sitting', 'breathing'],
  // stroke
  ['face drooping', 'stroke'], ['my face is drooping on one side', 'stroke'], ['slurred speech', 'stroke'],
  ['my speech is slurred', 'stroke'], ['slured speech', 'stroke'], ['my arm is numb', 'stroke'],
  ['numbness on one side', 'stroke'], ['sudden weakness on my left side', 'stroke'], ["can't move my arm", 'stroke'],
  ["I can't lift my arm", 'stroke'], ['worst headache of my life', 'stroke'], ['my words are coming out wrong', 'stroke'],
  ["I can't speak clearly", 'stroke'], ['I think I had a stroke', 'stroke'], ['I lost my vision', 'stroke'],
  ['my smile is crooked', 'stroke'], ['my left arm went numb', 'stroke'], ["I can't feel my arm", 'stroke'],
  // A ninth fresh corpus (I, 2026-12-05): weakness as felt, confusion as a family sees it, means named, all at once.
  ['since breakfast my right arm and leg feel heavy like sandbags', 'stroke'], ["he's been more muddled the past couple days", 'confusion'],
  ['feel out of it', 'confusion'], ["she's super confused rn", 'confusion'], ['been thinking about my service pistol more than I should', 'self_harm'],
  ['the pills in the cabinet would be an easy way to go', 'self_harm'], ['she took a whole week of pills at once', 'overdose'],
  // A tenth (J): breath said with "hardly", confusion as nonsense, not seeing the point, a burden who would not wake.
  ["I can't hardly get my breath honey", 'breathing'], ['my wife is talking nonsense', 'confusion'],
  ['I DONT SEE THE POINT IN ANY OF THIS ANYMORE', 'self_harm'], ["everyone'd be better off if I just didn't wake up", 'self_harm'],
  ['honestly tired of living like this', 'self_harm'],
  // An eleventh (K): a blow to the head in a fall, a face that smiles on one side, slow speech, sight that goes
  // like a curtain, pills with drink, a tearing pain through to the back.
  ['I slipped on the ice and hit the back of my head', 'fall'], ['my wife says my mouth smiles only on one side', 'stroke'],
  ['she vomit twice and talking slow', 'stroke'], ['the left side of my vision is just gone, like a curtain came down', 'stroke'],
  ['I took like 15 of my sleeping pills with some whiskey an hour ago', 'overdose'],
  ['a pain in my gut tearin straight through to my back', 'chest_pain'],
  // fainting
  ['fainted', 'fainting'], ['I fainted this morning', 'fainting'], ['passed out', 'fainting'], ['I keep passing out', 'fainting'],
  ['blacked out', 'fainting'], ['I blacked out for a minute', 'fainting'], ['lost consciousness', 'fainting'],
  ['fanited', 'fainting'], ['I collapsed in the kitchen', 'fainting'],
  // falls: stuck on the floor, or a head strike
  ['I fell and I cant get up', 'fall'], ["fell in the bathroom and can't stand up", 'fall'],
  ['I fell and hit my head', 'fall'], ["I'm on the floor and can't get up, I fell", 'fall'],
  // One event told across a pause or a full stop (issue 20: a daughter's text from an unknown number).
  ['Mom fell… hit her head, shes confused', 'fall'], ['Dad fell. He hit his head on the counter', 'fall'],
  // self-harm
  ['suicidal', 'self_harm'], ['I feel suicidal', 'self_harm'], ['kill myself', 'self_harm'], ['I want to kill myself', 'self_harm'],
  ['want to die', 'self_harm'], ['I just want to die', 'self_harm'], ['end my life', 'self_harm'], ['hurt myself', 'self_harm'],
  ['I might hurt myself', 'self_harm'], ['self harm', 'self_harm'], ['self-harm', 'self_harm'], ['no reason to live', 'self_harm'],
  ['thinking about killing myself', 'self_harm'], ["I don't want to live anymore", 'self_harm'],
  ["I don't want to be here anymore", 'self_harm'], ['everyone would be better off without me', 'self_harm'],
  ['I feel like ending it all', 'self_harm'],
  // Burden and farewell, without the words of suicide.
  ['whats the point anymore. everybody would be better off not having to take care of me', 'self_harm'],
  ['I wont be needing my pills anymore. Tell the nurse goodbye for me', 'self_harm'], ['sucidal', 'self_harm'], ['I wish I was dead', 'self_harm'],
  ['I want to end it', 'self_harm'], ["I'm not going to make it, I want to end it", 'self_harm'],
  // overdose
  ['overdose', 'overdose'], ['I think I overdosed', 'overdose'], ['took too many pills', 'overdose'],
  ['I took too many of my pills', 'overdose'], ['I might have taken too much insulin', 'overdose'],
  ['I took a whole bottle of pills', 'overdose'], ['I took extra pills on purpose', 'overdose'],
  // seizure
  ['seizure', 'seizure'], ['I had a seizure', 'seizure'], ['she is having seizures', 'seizure'], ['convulsing', 'seizure'],
  // bleeding
  ['coughing up blood', 'severe_bleeding'], ['vomiting blood', 'severe_bleeding'], ['I threw up blood', 'severe_bleeding'],
  ['bleeding a lot', 'severe_bleeding'], ["won't stop bleeding", 'severe_bleeding'], ["my nose won't stop bleeding", 'severe_bleeding'],
  ["I'm bleeding and it won't stop", 'severe_bleeding'], ['there is blood in my vomit', 'severe_bleeding'],
  // allergic reaction
  ['throat swelling', 'allergic_reaction'], ['tongue swelling', 'allergic_reaction'], ['my throat is closing up', 'allergic_reaction'],
  ['my lips and tongue are swelling', 'allergic_reaction'], ['swollen tongue', 'allergic_reaction'],
  ['I am having an allergic reaction', 'allergic_reaction'], ['My throat feels like it is closing', 'allergic_reaction'],
  // confusion
  ["confused and can't think straight", 'confusion'], ["I'm so confused I don't know where I am", 'confusion'],
  ['he is disoriented', 'confusion'], ["I can't think clearly", 'confusion'],
  // Said around the textbook words (a fresh corpus, 2026-12).
  ['feels like somebody standing on my chest', 'chest_pain'], ['feels like an elephant sitting on me', 'chest_pain'],
  ['a squeeze in the middle of my chest that goes up into my jaw', 'chest_pain'], ['my lips look kinda gray', 'breathing'],
  ['seeing double since this morning', 'stroke'], ['worst headache of my life came on all at once', 'stroke'],
  ['woke up on the floor, dont know how long I was out', 'fainting'], ['my wife is not making much sense since yesterday', 'confusion'],
  ['i have all my pills saved up and i might just take them all tonight', 'self_harm'],
  ['my stool is black like tar since yesterday', 'severe_bleeding'], ['Mom gave herself her bedtime Lantus twice by mistake', 'overdose'],
  // A sixth fresh corpus (F, 2026-12-04).
  ["My dad fell in the kitchen and he's still on the floor", 'fall'], ['been laying on the floor since lunch', 'fall'],
  ['my kids would be better off if I just went to sleep and didnt wake up', 'self_harm'],
  ["mom doesn't recognize me today", 'confusion'],
  // A twelfth (L): whatever sat down on the chest, what runs into the left arm; words jumbled and a face hanging;
  // wind that cannot be got, a sentence that cannot be finished, an inhaler that does nothing; an arm that cannot
  // be picked up, words that make no sense; sight lost like a shade, a hand gone clumsy; pain with each breath in;
  // a door nobody answers.
  ['feels like a mule sat down on my chest since supper', 'chest_pain'], ['and it runs down into my left arm', 'chest_pain'],
  ["my husband's words are coming out all jumbled", 'stroke'], ['his face is hanging down on the right side', 'stroke'],
  ['cant get my wind laying down', 'breathing'], ['cant get to the end of a sentence', 'breathing'],
  ['rescue inhaler not touching it, used it 4 times', 'breathing'],
  ['she cant pick up her left arm', 'stroke'], ['what shes saying dont make sense', 'confusion'],
  ['half the sight in my left eye is like a window shade came down', 'stroke'], ['my right hand is clumsy, cant button my shirt', 'stroke'],
  ['leg swole and hot and now it hurts to take a deep breath', 'chest_pain'],
  ["She hasn't answered the door since yesterday, her car is in the drive", 'unresponsive'], ["we can't wake him up", 'unresponsive'],
  // A twenty-fourth fresh set (X): found down without "the"; lost in time, as many say it.
  ['found him on bathroom floor', 'fall'], ['he dont know what day it is', 'confusion'],
  // Y: the burden said and left there.
  ['been cleaning my service pistol a lot and thinking everybody would be better off. not gonna lie to a robot', 'self_harm'],
  ['I feel like my family would be better off', 'self_harm'],
  // Z: pills of a kind put by.
  ['Not well. I have been saving up my sleeping pills in the sock drawer. I think it is time. Tell the girls I love them', 'self_harm'],
];

describe('detectRedFlag: English', () => {
  it.each(cases)('%j -> %s', (text, category) => {
    expect(detectRedFlag(text)).toEqual({ category, locale: 'en' });
  });

  it('reports the most urgent category when several appear', () => {
    expect(detectRedFlag('I took too many pills and I want to die')?.category).toBe('overdose');
    expect(detectRedFlag('I fainted and now my chest hurts')?.category).toBe('chest_pain');
  });
});

describe('red-flag phrase lists', () => {
  it('give every category phrases in both languages, all valid patterns', () => {
    for (const category of RED_FLAG_CATEGORIES) {
      expect(EN_RED_FLAGS[category].length, category).toBeGreaterThan(0);
      expect(ES_RED_FLAGS[category].length, category).toBeGreaterThan(0);
      for (const phrase of [...EN_RED_FLAGS[category], ...ES_RED_FLAGS[category]]) {
        expect(() => compilePattern(phrase), phrase).not.toThrow();
      }
    }
  });

  it.each([
    '', '   ', '👍', '?!', '1', '145/92',
    // Look-alikes of the burden, farewell and across-a-pause phrases.
    'whats the point of the new form', 'we wont be needing the meds anymore, the doc stopped them', 'I fell asleep. Hit my head on the pillow lol',
    // A dictated "metformin" is one letter from "foaming"; play on the floor is no fall.
    'yes I took the Lipitor and the met forming with breakfast', 'been on the floor playing with the grandkids all afternoon',
    'went to sleep and woke up feeling great',
    // Confused about a thing asks a question; a list of things denied together; "month" is no mouth.
    "I'm confused about which pill is which", 'confused by the new texts', 'There has been no swelling, shortness of breath or weight gain.',
    "danced a cumbia and didn't even get out of breath", '1 the swelling I had last month is all gone since they upped the water pill',
    // Tearing and ripping of work; pills with a meal's drink.
    'tearing down the old shed and my back is sore', 'ripping up carpet in the back room', 'took my pills with a glass of wine at dinner', 'took my pills with some wine at supper',
    'the blurry vision is all gone now', 'my mouth hurts only on one side when I chew', "I don't see the point of these texts anymore",
    "don't see the point in any of this texting, I'm fine",
    // Look-alikes of L's: a door answered, an inhaler that works, a left arm in a story, a deep breath that is fine.
    'I ran down to the store to get my jaw fixed', 'the inhaler is helping a lot', 'I answered the door for the mailman',
    'took a deep breath and it felt fine', 'the cat sat on my lap all evening',
    // Y's look-alikes: better off with or for something.
    'I think everyone would be better off with the new insurance', 'I guess everybody would be better off staying home in this snow',
    // Z's look-alikes: saving money on pills.
    'saving on my pills with the GoodRx coupon', 'I am saving money on my heart pills this year',
  ])('finds nothing in %j', (text) => {
    expect(detectRedFlag(text)).toBeNull();
  });
});
