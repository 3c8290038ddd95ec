/**
 * Each class of failure and its exit code: argparse usage errors (252, with the usage block),
 * parameter parsing and validation errors (252), configuration errors (253), service errors (254),
 * an unreachable endpoint (255). None of them sends a StartWebRTCContact request except the last
 * two.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run, startFakeEndpoint, type FakeEndpoint } from './testing/cli-test-kit';

let endpoint: FakeEndpoint;
beforeAll(async () => {
  endpoint = await startFakeEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.requests.splice(0));

// it.each tables are built before beforeAll runs, so the endpoint URL is filled in per test.
const cmd = (...extra: string[]) => [
  'start-web-rtc-contact',
  '--endpoint-url',
  '@endpoint',
  '--instance-id',
  'i',
  '--contact-flow-id',
  'f',
  ...extra,
];
const withEndpoint = (argv: string[]) => argv.map((a) => (a === '@endpoint' ? endpoint.url : a));
const USAGE = 'usage: connect-video-call [options] start-web-rtc-contact [parameters]';

describe('usage errors exit 252 with the usage block', () => {
  it.each([
    [[], 'the following arguments are required: command'],
    [
      ['start-webrtc-contact'],
      'argument command: Invalid choice, valid choices are:\n\nstart-web-rtc-contact',
    ],
    [cmd('--participant-details', 'DisplayName=J', '--bogus', 'x'), 'Unknown options: --bogus, x'],
    [cmd('--participant-details'), 'argument --participant-details: expected one argument'],
    [
      cmd('--participant-details', 'DisplayName=J', '--output', 'yaml'),
      "argument --output: Invalid choice 'yaml', valid choices are: json | text | table",
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--color', 'blue'),
      "argument --color: Invalid choice 'blue'",
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--cli-read-timeout', 'soon'),
      "argument --cli-read-timeout: invalid int value: 'soon'",
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--generate-cli-skeleton', 'yaml'),
      "argument --generate-cli-skeleton: Invalid choice 'yaml'",
    ],
    [cmd(), 'the following arguments are required: --participant-details'],
  ])('%j', async (argv, message) => {
    const { code, stderr, stdout } = await run(withEndpoint(argv));
    expect(code).toBe(252);
    expect(stdout).toBe('');
    expect(stderr).toContain(USAGE);
    expect(stderr).toContain(`connect-video-call: error: ${message}`);
    expect(endpoint.requests).toHaveLength(0);
  });

  it('requires --instance-id and --contact-flow-id against real Amazon Connect', async () => {
    const { code, stderr } = await run(
      ['start-web-rtc-contact', '--participant-details', 'DisplayName=J', '--region', 'eu-west-2'],
      { CONNECT_MODE: 'aws' },
    );
    expect(code).toBe(252);
    expect(stderr).toContain(
      'the following arguments are required: --instance-id, --contact-flow-id',
    );
  });
});

describe('parameter errors exit 252 without the usage block', () => {
  it.each([
    [
      cmd('--participant-details', 'DisplayName'),
      "Error parsing parameter '--participant-details': Expected: '=', received: 'EOF' for input:\nDisplayName\n           ^",
    ],
    [
      cmd('--participant-details', '{"DisplayName": '),
      "Error parsing parameter '--participant-details': Invalid JSON:",
    ],
    [
      cmd(
        '--participant-details',
        'DisplayName=J',
        '--allowed-capabilities',
        'Customer={Video=SEND',
      ),
      "Error parsing parameter '--allowed-capabilities': Expected: ','",
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--references', 'order=https://x'),
      "Error parsing parameter '--references': Expected: 'KeyName=Value=value'",
    ],
    [
      cmd('--participant-details', 'Name=J'),
      'Parameter validation failed:\nMissing required parameter in ParticipantDetails: "DisplayName"\nUnknown parameter in ParticipantDetails: "Name", must be one of: DisplayName',
    ],
    [
      cmd('--participant-details', 'DisplayName='),
      'Invalid length for parameter ParticipantDetails.DisplayName, value: 0, valid min length: 1',
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--attributes', 'a=b,c'),
      'Invalid type for parameter Attributes.a, value: ["b","c"], type: list, valid types: string',
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--allowed-capabilities', 'Customer=SEND'),
      'Invalid type for parameter AllowedCapabilities.Customer, value: "SEND", type: string, valid types: map',
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--references', 'order={Value=x}'),
      'Missing required parameter in References.order: "Type"',
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--cli-input-json', '[1]'),
      "Error parsing parameter '--cli-input-json': the JSON must be an object",
    ],
    [
      cmd('--participant-details', 'DisplayName=J', '--cli-input-json', '{"Colour": "red"}'),
      'Unknown parameter in input: "Colour", must be one of: Attributes, ClientToken',
    ],
    [
      cmd('--participant-details', 'file:///nonexistent/x.json'),
      "Error parsing parameter '--participant-details': Unable to load paramfile file:///nonexistent/x.json: No such file or directory",
    ],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await run(withEndpoint(argv));
    expect(code).toBe(252);
    expect(stderr).not.toContain(USAGE);
    expect(stderr).toContain(message);
    expect(endpoint.requests).toHaveLength(0);
  });
});

describe('every option is checked before any request is sent', () => {
  // Without --instance-id the local defaults are looked up first (ListInstances), so these also
  // prove that nothing at all reaches the endpoint, not just StartWebRTCContact.
  const bare = (...extra: string[]) => [
    'start-web-rtc-contact',
    '--endpoint-url',
    '@endpoint',
    '--participant-details',
    'DisplayName=J',
    ...extra,
  ];
  it.each([
    [bare('--query', 'Contact[['), 252, 'Bad value for --query Contact[['],
    [
      cmd('--participant-details', 'DisplayName=J', '--query', 'ContactId['),
      252,
      'Bad value for --query ContactId[',
    ],
    [bare('--query', 'length(@'), 252, 'Bad value for --query length(@'],
    [bare('--output', 'yaml'), 252, "argument --output: Invalid choice 'yaml'"],
    [
      bare('--cli-connect-timeout', 'later'),
      252,
      "argument --cli-connect-timeout: invalid int value: 'later'",
    ],
    [
      bare('--ca-bundle', '/nonexistent/ca.pem'),
      253,
      'Unable to read the CA bundle /nonexistent/ca.pem',
    ],
    [bare('--attributes', 'a=b,c'), 252, 'Invalid type for parameter Attributes.a'],
  ])('%j', async (argv, exitCode, message) => {
    const { code, stderr, stdout } = await run(withEndpoint(argv));
    expect(stderr).toContain(message);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(endpoint.requests).toHaveLength(0);
  });

  it('refuses a bad AWS_DEFAULT_OUTPUT before any request', async () => {
    const { code, stderr } = await run(withEndpoint(bare()), { AWS_DEFAULT_OUTPUT: 'yaml' });
    expect(code).toBe(253);
    expect(stderr).toContain('AWS_DEFAULT_OUTPUT must be json, text or table');
    expect(endpoint.requests).toHaveLength(0);
  });
});

describe('configuration, service and connection errors', () => {
  it('exits 253 when real Amazon Connect has no region', async () => {
    const { code, stderr } = await run(
      [
        'start-web-rtc-contact',
        '--participant-details',
        'DisplayName=J',
        '--instance-id',
        'i',
        '--contact-flow-id',
        'f',
      ],
      { CONNECT_MODE: 'aws' },
    );
    expect(code).toBe(253);
    expect(stderr).toContain('You must specify a region');
  });

  it('prints the service error name and message and exits 254', async () => {
    endpoint.failNext(404, 'ResourceNotFoundException', 'Contact flow f does not exist');
    const { code, stderr, stdout } = await run(
      withEndpoint(cmd('--participant-details', 'DisplayName=J')),
    );
    expect(code).toBe(254);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the StartWebRTCContact operation: Contact flow f does not exist\n',
    );
  });

  it('exits 255 when the endpoint cannot be reached', async () => {
    const { code, stderr } = await run([
      'start-web-rtc-contact',
      '--endpoint-url',
      'http://127.0.0.1:1/aws',
      '--participant-details',
      'DisplayName=J',
      '--instance-id',
      'i',
      '--contact-flow-id',
      'f',
      '--cli-connect-timeout',
      '2',
    ]);
    expect(code).toBe(255);
    expect(stderr).toContain('Could not connect to the endpoint URL');
  });
});

describe('help and version', () => {
  it.each([
    [['--help']],
    [['help']],
    [['start-web-rtc-contact', 'help']],
    [['start-web-rtc-contact', '--help']],
  ])('%j prints the manual', async (argv) => {
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    for (const section of [
      'NAME',
      'DESCRIPTION',
      'SYNOPSIS',
      'OPTIONS',
      'GLOBAL OPTIONS',
      'OUTPUT',
    ])
      expect(stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    for (const option of [
      '--attributes',
      '--client-token',
      '--references',
      '--cli-input-json',
      '--no-sign-request',
      '--join-url',
    ])
      expect(stdout).toContain(option);
  });

  it('prints the version line', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^connect-video-call\/\d+\.\d+\.\d+ Node\.js\/v\d+\S* \S+\/\S+ client-connect\/3\.\d+\.\d+\n$/,
    );
  });
});
