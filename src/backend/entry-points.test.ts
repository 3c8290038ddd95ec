import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPointRegistry, fillTemplate, loadEntryPointsFile } from './entry-points';

const file = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'ep-')), 'entry-points.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('entry points', () => {
  it('loads a file and fills defaults', () => {
    const [ep] = loadEntryPointsFile(
      file([{ id: 'support', instanceId: 'i', contactFlowId: 'f' }]),
    );
    expect(ep).toMatchObject({
      id: 'support',
      allowedCapabilities: {},
      allowedAttributes: [],
      requireCustomerToken: false,
    });
  });

  it('says which entry point and field is wrong', () => {
    expect(() =>
      loadEntryPointsFile(file([{ id: 'Bad Id', instanceId: 'i', contactFlowId: 'f' }])),
    ).toThrow(/entry-points\.json[\s\S]*lowercase/);
    expect(() =>
      loadEntryPointsFile(
        file([
          {
            id: 'x',
            instanceId: 'i',
            contactFlowId: 'f',
            allowedCapabilities: { Customer: { Video: 'RECEIVE' } },
          },
        ]),
      ),
    ).toThrow(/Video/);
  });

  it('takes a camera quality cap and names the field when it is not one of the levels', () => {
    const ep = { id: 'x', instanceId: 'i', contactFlowId: 'f' };
    expect(loadEntryPointsFile(file([{ ...ep, maxVideoQuality: '360p' }]))[0]).toMatchObject({
      maxVideoQuality: '360p',
    });
    expect(loadEntryPointsFile(file([ep]))[0]).not.toHaveProperty('maxVideoQuality');
    expect(() => loadEntryPointsFile(file([{ ...ep, maxVideoQuality: '1080p' }]))).toThrow(
      /expected one of "360p"\|"540p"\|"720p"[\s\S]*at \[0\]\.maxVideoQuality/,
    );
  });

  it('refuses a duplicate id', () => {
    const ep = {
      id: 'a',
      instanceId: 'i',
      contactFlowId: 'f',
      allowedCapabilities: {},
      allowedAttributes: [],
      attributes: {},
      references: {},
      requireCustomerToken: false,
      rating: true,
      rejoinGraceSeconds: 30,
    };
    expect(() => entryPointRegistry([ep, ep])).toThrow('Entry point "a" is defined twice');
  });

  it('fills placeholders and leaves unknown attributes empty', () => {
    expect(
      fillTemplate('{displayName} wants {attr.product}{attr.missing}!', {
        displayName: 'Jo',
        attributes: { product: 'tea' },
      }),
    ).toBe('Jo wants tea!');
  });
});
