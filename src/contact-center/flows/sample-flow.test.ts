import { describe, expect, it } from 'vitest';
import { flowKit } from './testing/flow-test-kit';

const SALES = '5ed4e527-9d93-4cdc-8f1c-d089251f205a';
const SUPPORT = 'e6ae982a-8d10-457c-b048-628cc7125a3c';
const BASIC = '6f098046-2dee-4226-a0d6-5cc8c023c207';

describe('the shipped sample inbound video flow', () => {
  it('greets by name, asks for a digit and routes 2 to the Support queue', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId, name: 'Dana' });
    const done = kit.runner.run(contact.id);
    expect(await kit.press(contact.id, '2')).toBe(true);
    expect(await done).toBe('queued');
    expect(kit.queued).toEqual([{ contactId: contact.id, queueId: SUPPORT }]);
    expect(kit.prompts.map((p) => p.text)).toEqual([
      'Hello Dana, thank you for calling us on video.',
      'Press 1 for sales, or 2 for support.',
    ]);
    const after = kit.contacts.get(contact.id);
    expect(after?.attributes).toMatchObject({
      department: 'support',
      callerName: 'Dana',
      entryFlow: 'Sample inbound video flow',
    });
    expect(after?.recordingBehavior).toMatchObject({
      RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'] },
    });
    expect(after?.transcript.filter((t) => t.kind === 'caption')).toHaveLength(2);
    expect(after?.history.map((h) => h.state)).toEqual(['INITIATED', 'IN_FLOW', 'QUEUED']);
  });

  it('routes 1 to Sales during business hours', async () => {
    const kit = flowKit({ now: new Date('2026-11-24T15:00:00Z') }); // Tuesday 10:00 New York
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '1');
    expect(await done).toBe('queued');
    expect(kit.queued[0]?.queueId).toBe(SALES);
  });

  it('takes the closed branch for Sales outside its hours and disconnects', async () => {
    const kit = flowKit({ now: new Date('2026-11-22T15:00:00Z') }); // Sunday
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '1');
    expect(await done).toBe('disconnected');
    expect(kit.queued).toEqual([]);
    expect(kit.prompts.at(-1)?.text).toBe(
      'Our Sales team is closed right now. Please call again during business hours. Goodbye.',
    );
    const after = kit.contacts.get(contact.id);
    expect(after?.state).toBe('ENDED');
    expect(after?.disconnectReason).toBe('CONTACT_FLOW_DISCONNECT');
  });

  it('says an invalid key is not a choice, asks again, then accepts a valid one', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '9');
    await new Promise((r) => setTimeout(r, 20));
    await kit.press(contact.id, '2');
    expect(await done).toBe('queued');
    expect(kit.prompts.map((p) => p.text)).toContain('Sorry, that is not one of the choices.');
    expect(kit.queued[0]?.queueId).toBe(SUPPORT);
  });

  it('sends a caller who keeps pressing wrong keys to the BasicQueue after two retries', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    for (let i = 0; i < 3; i++) {
      await kit.press(contact.id, '7');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await done).toBe('queued');
    expect(kit.queued[0]?.queueId).toBe(BASIC);
    expect(kit.contacts.get(contact.id)?.attributes.department).toBe('general');
  });

  it('plays the busy prompt and disconnects when the queue is at capacity', async () => {
    const kit = flowKit({ capacity: false });
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '2');
    expect(await done).toBe('disconnected');
    expect(kit.prompts.at(-1)?.text).toMatch(/All of our agents are busy/);
  });

  it('stops waiting for input when the customer leaves', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.waitForInput(contact.id);
    kit.contacts.end(contact.id, 'CUSTOMER_DISCONNECT');
    kit.runner.stop(contact.id);
    expect(await done).toBe('ended');
    expect(kit.contacts.get(contact.id)?.disconnectReason).toBe('CUSTOMER_DISCONNECT');
  });

  it('speaks and captions Spanish to a contact whose language attribute is es (Set voice + language)', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({
      contactFlowId: kit.contactFlowId,
      name: 'Dana',
      attributes: { language: 'es' },
    });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '2');
    expect(await done).toBe('queued');
    expect(kit.queued[0]?.queueId).toBe(SUPPORT);
    expect(kit.prompts.map((p) => p.text)).toEqual([
      'Hola Dana, gracias por llamarnos por video.',
      'Pulse 1 para ventas o 2 para soporte.',
    ]);
    const after = kit.contacts.get(contact.id);
    expect(after?.transcript.filter((t) => t.kind === 'caption').map((t) => t.content)).toEqual(
      kit.prompts.map((p) => p.text),
    );
    expect(after).toMatchObject({ textToSpeechVoice: 'Lupe', languageCode: 'es-US' });
  });

  it('says the invalid-choice and closed prompts in Spanish too', async () => {
    const kit = flowKit({ now: new Date('2026-11-22T15:00:00Z') }); // Sunday: Sales is closed
    const contact = kit.contacts.create({
      contactFlowId: kit.contactFlowId,
      attributes: { language: 'es' },
    });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '9');
    await new Promise((r) => setTimeout(r, 20));
    await kit.press(contact.id, '1');
    expect(await done).toBe('disconnected');
    expect(kit.prompts.map((p) => p.text)).toContain('Lo sentimos, esa no es una de las opciones.');
    expect(kit.prompts.at(-1)?.text).toBe(
      'El equipo de Sales está cerrado en este momento. Llame de nuevo en horario de atención. Adiós.',
    );
  });

  it('stays in English for language en, another language, or none', async () => {
    for (const attributes of [{ language: 'en' }, { language: 'fr' }, {}] as Array<
      Record<string, string>
    >) {
      const kit = flowKit({ capacity: false });
      const contact = kit.contacts.create({
        contactFlowId: kit.contactFlowId,
        name: 'Dana',
        attributes,
      });
      const done = kit.runner.run(contact.id);
      await kit.press(contact.id, '2');
      expect(await done).toBe('disconnected');
      expect(kit.prompts.map((p) => p.text)).toEqual([
        'Hello Dana, thank you for calling us on video.',
        'Press 1 for sales, or 2 for support.',
        'All of our agents are busy. Please try again later. Goodbye.',
      ]);
      expect(kit.contacts.get(contact.id)?.textToSpeechVoice).toBeUndefined();
    }
  });
});
