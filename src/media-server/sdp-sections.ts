/**
 * A tiny SDP model: the session block and one block per m-section, each kept as raw lines so that
 * rewriting touches only what we mean to change. Used by the answer fixes and the negotiation.
 */

export interface SdpSection {
  kind: string;
  port: number;
  mid: string | undefined;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  /**
   * A stopped transceiver: port 0 *without* `a=bundle-only`. Firefox (JSEP max-bundle) offers every
   * bundled section after the first as `port 0` + `a=bundle-only`; those are live, they share the
   * first section's transport.
   */
  stopped: boolean;
  lines: string[];
}

/** An SDP split into its session lines and its media sections. */
export interface ParsedSdp {
  session: string[];
  sections: SdpSection[];
}

const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'] as const;

/** Splits an SDP into session lines and m-sections (line endings normalised to CRLF on output). */
export function parseSdp(sdp: string): ParsedSdp {
  const lines = sdp.split(/\r?\n/).filter((l) => l.length > 0);
  const session: string[] = [];
  const sections: SdpSection[] = [];
  for (const line of lines) {
    if (line.startsWith('m=')) sections.push(describe([line]));
    else if (sections.length === 0) session.push(line);
    else sections[sections.length - 1]!.lines.push(line);
  }
  return { session, sections: sections.map((s) => describe(s.lines)) };
}

function describe(lines: string[]): SdpSection {
  const [kind = '', port = '0'] = (lines[0] ?? '').slice(2).split(' ');
  const mid = lines.find((l) => l.startsWith('a=mid:'))?.slice(6);
  const direction = DIRECTIONS.find((d) => lines.includes(`a=${d}`)) ?? 'sendrecv';
  const stopped = Number(port) === 0 && !lines.includes('a=bundle-only');
  return { kind, port: Number(port), mid, direction, stopped, lines };
}

/** One m-section as negotiation logs show it: no ICE credentials, fingerprints or candidates. */
export interface SectionSummary {
  mid: string | undefined;
  kind: string;
  port: number;
  direction: SdpSection['direction'];
  ssrcs: number[];
}

/** Summarises every m-section of an SDP (for debug logs). */
export function summarizeSdp(sdp: string): SectionSummary[] {
  return parseSdp(sdp).sections.map(({ mid, kind, port, direction, lines }) => ({
    mid,
    kind,
    port,
    direction,
    ssrcs: [
      ...new Set(
        lines
          .map((l) => /^a=ssrc:(\d+) /.exec(l)?.[1])
          .filter((x): x is string => !!x)
          .map(Number),
      ),
    ],
  }));
}

/** Serialises back to an SDP string. */
export function writeSdp(sdp: ParsedSdp): string {
  return [...sdp.session, ...sdp.sections.flatMap((s) => s.lines)].join('\r\n') + '\r\n';
}

/** Returns a copy of the section with a new port on its m= line. */
export function withPort(section: SdpSection, port: number): SdpSection {
  const [first = '', ...rest] = section.lines;
  const parts = first.split(' ');
  parts[1] = String(port);
  return describe([parts.join(' '), ...rest]);
}

/** Returns a copy of the section with exactly one direction attribute. */
export function withDirection(section: SdpSection, direction: SdpSection['direction']): SdpSection {
  const kept = section.lines.filter((l) => !DIRECTIONS.some((d) => l === `a=${d}`));
  const midAt = kept.findIndex((l) => l.startsWith('a=mid:'));
  kept.splice(midAt >= 0 ? midAt + 1 : kept.length, 0, `a=${direction}`);
  return describe(kept);
}

/**
 * Replaces every `a=msid` (and `a=ssrc:<n> msid:`) line with one msid for the given stream/track.
 */
export function withMsid(section: SdpSection, streamId: string, trackId: string): SdpSection {
  const kept = section.lines.filter(
    (l) => !l.startsWith('a=msid:') && !/^a=ssrc:\d+ msid:/.test(l),
  );
  const midAt = kept.findIndex((l) => l.startsWith('a=mid:'));
  kept.splice(midAt >= 0 ? midAt + 1 : kept.length, 0, `a=msid:${streamId} ${trackId}`);
  return describe(kept);
}
