import { describe, expect, it } from 'vitest';
import { detectRedFlag } from '../../../src/flows/safety/index.js';

describe('detectRedFlag: denials and everyday phrases do not flag', () => {
  it.each([
    'no chest pain', 'No chest pain today', "I don't have chest pain", 'I dont have any chest pain',
    'I do not have any chest pain', 'no pain in my chest', 'never had chest pain', 'denies chest pain',
    'without chest pain', 'no chest pain or shortness of breath', 'No chest pain, no shortness of breath',
    "my chest doesn't hurt", 'breathing is fine', 'my breathing is better', 'no trouble breathing',
    "I haven't fainted", 'never passed out', 'no dizziness or fainting', 'not suicidal', "I don't want to die",
    'I would never hurt myself', 'no fever or chest pain', "I'm not going to pass out", 'I have not had any chest pain',
    'I did not pass out', 'never felt faint',
    'i was seeing double features at the theater', 'take them all to the pharmacy', 'black coffee and a stool softener',
    'the cat was sitting on me all night', 'my husband is talking funny tonight, he had too many beers', 'casi me caigo de la risa',
    'sin dolor de pecho', 'no tengo dolor de pecho', 'no me duele el pecho', 'ya no me duele el pecho',
    'nunca he tenido dolor de pecho', 'ningún dolor de pecho', 'no me falta el aire', 'no tengo falta de aire',
    'no quiero morir', 'sin fiebre ni dolor de pecho', 'no he tenido dolor de pecho', 'no me he desmayado',
  ])('%j', (text) => {
    expect(detectRedFlag(text)).toBeNull();
  });

  it.each([
    'I feel fine', "I'm dying to see my grandkids", 'I took my pills', 'I took all my pills today', 'I stopped smoking',
    'This heat is killing me', "I'm confused about my meds", 'I took my seizure meds', 'I had too much to eat',
    'I painted the fence', 'my hands are numb from the cold', "I can't talk right now, at work", "I can't think right now",
    'they took a lot of blood for my labs', 'I cut myself shaving', 'good morning', 'My blood pressure is 130/80',
    'perdí el sentido del olfato', 'me muero de ganas de ver a mis nietos', 'me tomé todas mis pastillas',
    'tengo tos y flema', 'I walked to the store and back', 'my legs are swollen', 'stop texting me',
    // Whole boxes that are not of pills; a sleep that ends late.
    'tomo una caja entera de pañuelos cuando tengo gripa', 'compré un frasco entero de vitaminas', 'mi esposo no se despierta hasta las diez',
  ])('%j', (text) => {
    expect(detectRedFlag(text)).toBeNull();
  });

  it.each([
    ['No chest pain, but I can’t breathe', 'breathing'],
    ['no chest pain but my arm is numb', 'stroke'],
    ['sin dolor de pecho pero me falta el aire', 'breathing'],
    ['no fever, chest pain since morning', 'chest_pain'],
    ['Not sure if this is chest pain', 'chest_pain'],
    ['no sé si es dolor de pecho', 'chest_pain'],
    ['No. I have chest pain', 'chest_pain'],
    ['no I am having chest pain', 'chest_pain'],
    ["no, I can't breathe", 'breathing'],
    ['chest pain? no, it is gone', 'chest_pain'],
    ['no fever and my chest hurts', 'chest_pain'],
    ['not eating much, chest pain', 'chest_pain'],
    ['I never thought I would say this but I want to die', 'self_harm'],
  ])('a denial does not reach past its clause: %j', (text, category) => {
    expect(detectRedFlag(text)?.category).toBe(category);
  });
});
