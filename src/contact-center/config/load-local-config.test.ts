/**
 * loadLocalConfig: the shipped config loads with its flow, and each kind of mistake names the file
 * and the field that is wrong.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalConfig } from './load-local-config';
import { localEntryPoints } from '../emulated-aws';

const SHIPPED = join(import.meta.dirname, '../../../config/local');

/** A copy of the shipped config with `edit` applied to contact-center.json. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
function variant(edit: (json: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'cvc-config-'));
  cpSync(SHIPPED, dir, { recursive: true });
  const file = join(dir, 'contact-center.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json));
  return dir;
}

describe('loadLocalConfig', () => {
  it('loads the shipped config: instance, flow content, queues, agents and four entry points', () => {
    const config = loadLocalConfig(SHIPPED);
    expect(config.instance.alias).toBe('local-video-center');
    expect(config.flows[0]?.content.Version).toBe('2019-10-30');
    expect(config.queues.map((q) => q.name)).toEqual(['Sales', 'Support', 'BasicQueue']);
    expect(config.agents).toHaveLength(2);
    const eps = localEntryPoints(config);
    expect(eps.map((e) => e.id)).toEqual([
      'default',
      'short-grace',
      'voice',
      'video-no-share',
      'low-video',
    ]);
    expect(
      eps.every(
        (e) => e.instanceId === config.instance.id && e.contactFlowId === config.defaultFlowId,
      ),
    ).toBe(true);
    expect(eps[0]?.allowedCapabilities).toEqual({
      Customer: { Video: 'SEND', ScreenShare: 'SEND' },
      Agent: { Video: 'SEND', ScreenShare: 'SEND' },
    });
    expect(eps[1]).toMatchObject({
      rejoinGraceSeconds: 8,
      allowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
    });
    expect(eps[0]?.rejoinGraceSeconds).toBe(30);
    expect(eps[2]?.allowedCapabilities).toEqual({});
    expect(eps[3]?.allowedCapabilities).toEqual({
      Customer: { Video: 'SEND' },
      Agent: { Video: 'SEND' },
    });
  });

  it('names the file and field of a schema error', () => {
    const dir = variant((j) => (j.queues[0].hoursOfOperationId = 42));
    expect(() => loadLocalConfig(dir)).toThrow(
      /contact-center\.json[\s\S]*queues\.0\.hoursOfOperationId/,
    );
  });

  it('refuses references to ids that do not exist', () => {
    expect(() => loadLocalConfig(variant((j) => (j.defaultFlowId = 'missing')))).toThrow(
      /defaultFlowId: no flow has id "missing"/,
    );
    expect(() => loadLocalConfig(variant((j) => (j.agents[1].routingProfileId = 'rp')))).toThrow(
      /agents\.1\.routingProfileId: no routing profile "rp"/,
    );
    expect(() => loadLocalConfig(variant((j) => (j.routingProfiles[0].queueIds = ['q'])))).toThrow(
      /routingProfiles\.0\.queueIds\.0: no queue "q"/,
    );
    expect(() => loadLocalConfig(variant((j) => j.queues.push(j.queues[0])))).toThrow(
      /queues\.3\.id: .* is defined twice/,
    );
  });

  it('names the flow file when it is missing, not JSON, or not a flow document', () => {
    const missing = variant((j) => (j.flows[0].file = 'flows/nope.json'));
    expect(() => loadLocalConfig(missing)).toThrow(/Cannot read .*flows\/nope\.json/);
    const bad = variant(() => {});
    writeFileSync(join(bad, 'flows/sample-inbound-video-flow.json'), '{ not json');
    expect(() => loadLocalConfig(bad)).toThrow(/sample-inbound-video-flow\.json is not valid JSON/);
    const wrong = variant(() => {});
    writeFileSync(
      join(wrong, 'flows/sample-inbound-video-flow.json'),
      JSON.stringify({ Version: '2020-01-01', StartAction: 'a', Actions: [] }),
    );
    expect(() => loadLocalConfig(wrong)).toThrow(/sample-inbound-video-flow\.json[\s\S]*Version/);
    const dangling = variant(() => {});
    writeFileSync(
      join(dangling, 'flows/sample-inbound-video-flow.json'),
      JSON.stringify({
        Version: '2019-10-30',
        StartAction: 'x',
        Actions: [{ Identifier: 'a', Type: 'DisconnectParticipant' }],
      }),
    );
    expect(() => loadLocalConfig(dangling)).toThrow(
      /StartAction "x" is not the Identifier of any action/,
    );
  });

  it('says when the config file itself is missing', () => {
    expect(() => loadLocalConfig(mkdtempSync(join(tmpdir(), 'cvc-empty-')))).toThrow(
      /Cannot read .*contact-center\.json/,
    );
  });
});
